package dev.onair.api.events;

import dev.onair.accounts.entity.Role;
import dev.onair.api.Callers;
import dev.onair.api.OnAirApi;
import dev.onair.feed.boundary.Feed;
import dev.onair.shared.InvalidInput;
import dev.onair.signin.entity.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

@Path("events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER_GROUP, Role.ADMIN_GROUP})
@Tag(name = "events")
@APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", description = "The token grants neither user nor admin, or lacks events:read (insufficient-scope)",
        ref = OnAirApi.FORBIDDEN)
public class EventsResource {

    /** The longest number the after parameter is read as. */
    private static final int MAX_NUMBER_LENGTH = 19;

    @Inject
    Callers callers;

    @EJB
    Feed feed;

    @GET
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.EVENTS_READ)
    @Operation(operationId = "readEvents", summary = "Read the event feed", description = "Events of the caller's channels (an admin's: everyone's) "
            + "numbered above after, in order: keep the last sequence seen and ask again with it, and nothing is missed "
            + "or seen twice. An event is in the feed once its change committed, usually within milliseconds.")
    @APIResponse(responseCode = "200", description = "Up to limit events", content = @Content(schema = @Schema(implementation = FeedPageView.class)))
    @APIResponse(responseCode = "400", description = "after, limit, types or channel not valid", ref = OnAirApi.BAD_REQUEST)
    public FeedPageView read(@Context SecurityContext security,
                             @Parameter(description = "Only events numbered above this (default 0: from the start)",
                                     schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0"))
                             @QueryParam("after") String after,
                             @Parameter(description = "Comma-separated types (default: all)") @QueryParam("types") String types,
                             @Parameter(description = "One channel's events only") @QueryParam("channel") String channel,
                             @Parameter(description = "At most this many, 1 to 1000",
                                     schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100", minimum = "1", maximum = "1000"))
                             @QueryParam("limit") String limit) {
        long from = number("after", after, 0);
        int count = (int) number("limit", limit, Feed.DEFAULT_LIMIT);
        List<String> typeList = types == null || types.isBlank() ? List.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
        List<FeedEventView> events = feed.after(callers.of(security), from, typeList, channel, count).stream()
                .map(FeedEventView::of).toList();
        return new FeedPageView(events, events.isEmpty() ? from : events.get(events.size() - 1).sequence());
    }

    private static long number(String field, String value, long otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        String trimmed = value.trim();
        if (trimmed.length() > MAX_NUMBER_LENGTH || !trimmed.chars().allMatch(Character::isDigit)) {
            throw InvalidInput.of(field, "must be a whole number, 0 or more");
        }
        try {
            return Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw InvalidInput.of(field, "must be a whole number, 0 or more");
        }
    }
}
