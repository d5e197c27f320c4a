package dev.onair.api.events;

import dev.onair.accounts.entity.Role;
import dev.onair.api.Callers;
import dev.onair.api.OnAirApi;
import dev.onair.api.ScopeCheck;
import dev.onair.feed.boundary.Feed;
import dev.onair.shared.DomainException;
import dev.onair.shared.QueryNumbers;
import dev.onair.signin.entity.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@Path("events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER_GROUP, Role.ADMIN_GROUP})
@Tag(name = "events")
@APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", description = "The token grants neither user nor admin, or lacks events:read (insufficient-scope)",
        ref = OnAirApi.FORBIDDEN)
public class EventsResource {

    private static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final Duration RETRY_STREAM = Duration.ofSeconds(10);

    @Inject
    Callers callers;

    @EJB
    Feed feed;

    @Inject
    EventStreams streams;

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
        long from = QueryNumbers.whole("after", after, 0, 0, Long.MAX_VALUE);
        int count = (int) QueryNumbers.whole("limit", limit, Feed.DEFAULT_LIMIT, 1, Feed.MAX_LIMIT);
        List<FeedEventView> events = feed.after(callers.of(security), from, typeList(types), channel, count).stream()
                .map(FeedEventView::of).toList();
        return new FeedPageView(events, events.isEmpty() ? from : events.get(events.size() - 1).sequence());
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.EVENTS_READ)
    @Operation(operationId = "streamEvents", summary = "The event feed as Server-Sent Events", description = "The same events as "
            + "GET /api/events (same rules, filters and order), pushed as they are numbered: each SSE event has the sequence as "
            + "its id, the type as its event name and the FeedEvent as JSON data. A reconnecting reader sends Last-Event-ID "
            + "(standard EventSource does) and continues after it; it overrides after. Idle streams get a comment every "
            + "15 s. The stream ends when the token expires, the account is disabled or the API client revoked: reconnect "
            + "with a fresh token and Last-Event-ID, and nothing is missed.")
    @APIResponse(responseCode = "200", description = "An open stream (text/event-stream)",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = FeedEventView.class)))
    @APIResponse(responseCode = "400", description = "after, Last-Event-ID, types or channel not valid", ref = OnAirApi.BAD_REQUEST)
    @APIResponse(responseCode = "429", description = "This caller has too many streams open, or this node as many as it takes "
            + "(too-many-streams, with Retry-After)")
    public void stream(@Context SecurityContext security, @Context SseEventSink sink, @Context Sse sse,
                       @Parameter(description = "Where a reconnecting reader stopped: the id of the last event it got")
                       @HeaderParam(LAST_EVENT_ID) String lastEventId,
                       @Parameter(description = "Only events numbered above this (default 0: from the start)",
                               schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0"))
                       @QueryParam("after") String after,
                       @Parameter(description = "Comma-separated types (default: all)") @QueryParam("types") String types,
                       @Parameter(description = "One channel's events only") @QueryParam("channel") String channel) {
        // a refusal is thrown before the sink is touched, so that it goes out as the problem it is
        long from = lastEventId != null && !lastEventId.isBlank() ? QueryNumbers.whole(LAST_EVENT_ID, lastEventId, 0, 0, Long.MAX_VALUE)
                : QueryNumbers.whole("after", after, 0, 0, Long.MAX_VALUE);
        List<String> typeList = typeList(types);
        feed.check(from, typeList, channel);
        JsonWebToken token = (JsonWebToken) security.getUserPrincipal();
        Optional<EventStreams.Refusal> refused = streams.open(callers.of(security), ScopeCheck.clientId(token), typeList, channel,
                from, Instant.ofEpochSecond(token.getExpirationTime()), sink, sse);
        if (refused.isPresent()) {
            throw new TooManyStreams(refused.get());
        }
    }

    private static List<String> typeList(String types) {
        return types == null || types.isBlank() ? List.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** A stream over this caller's or this node's limit. */
    static final class TooManyStreams extends DomainException {
        TooManyStreams(EventStreams.Refusal why) {
            super(Kind.LIMITED, "too-many-streams", "Too many event streams", why == EventStreams.Refusal.CALLER_FULL
                    ? "this account has as many event streams open as it may; close one (one stream per reader is enough)"
                    : "this server has as many event streams open as it takes; try again shortly or read GET /api/events");
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.of(RETRY_STREAM);
        }
    }
}
