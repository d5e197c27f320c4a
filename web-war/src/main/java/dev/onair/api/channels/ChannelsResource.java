package dev.onair.api.channels;

import dev.onair.accounts.entity.Caller;
import dev.onair.accounts.entity.Role;
import dev.onair.api.Callers;
import dev.onair.api.OnAirApi;
import dev.onair.channels.boundary.ChannelAccess;
import dev.onair.channels.boundary.ChannelLifecycle;
import dev.onair.channels.boundary.Channels;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.Viewer;
import dev.onair.delivery.boundary.HlsSync;
import dev.onair.delivery.boundary.Replays;
import dev.onair.ingest.boundary.IngestWatchdog;
import dev.onair.ingest.entity.HealthReport;
import dev.onair.shared.Ids;
import dev.onair.shared.InvalidInput;
import dev.onair.shared.PageRequest;
import dev.onair.signin.entity.Scopes;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@Path("channels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "channels")
public class ChannelsResource {

    @EJB
    Channels channels;

    @EJB
    ChannelLifecycle lifecycle;

    @EJB
    ChannelAccess access;

    @EJB
    IngestWatchdog watchdog;

    @EJB
    HlsSync sync;

    @Inject
    Callers callers;

    @Inject
    ChannelViews views;

    @EJB
    Replays replays;

    @GET
    @PermitAll
    @Operation(summary = "List channels", description = "state=LIVE lists what is on air (LIVE and RECONNECTING), "
            + "the most recently started first, with their playback URLs; state=ENDED lists finished broadcasts, the most "
            + "recently ended first, with their replay URLs once written. Private channels are listed only to their "
            + "broadcaster, admins and the accounts allowed to watch them, with URLs signed for that caller.")
    @APIResponse(responseCode = "200", description = "One page of channels",
            content = @Content(schema = @Schema(implementation = ChannelPageView.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is not valid", ref = OnAirApi.BAD_REQUEST)
    @SecurityRequirementsSet
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_READ)
    public ChannelPageView list(
            @Parameter(description = "LIVE or ENDED", schema = @Schema(enumeration = {"LIVE", "ENDED"}, defaultValue = "LIVE"))
            @QueryParam("state") String state,
            @Parameter(description = "Page number from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", minimum = "1", maximum = "100"))
            @QueryParam("size") String size,
            @Context SecurityContext security) {
        Set<ChannelState> states = switch (state == null ? "LIVE" : state.toUpperCase(Locale.ROOT)) {
            case "LIVE" -> EnumSet.of(ChannelState.LIVE, ChannelState.RECONNECTING);
            case "ENDED" -> EnumSet.of(ChannelState.ENDED);
            default -> throw InvalidInput.of("state", "must be LIVE or ENDED");
        };
        Viewer viewer = viewer(security, null);
        return views.page(access.list(states, PageRequest.parse(page, size), viewer), viewer);
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One channel", description = "With playbackUrl while LIVE or RECONNECTING, replayUrl once its "
            + "replay is written, and thumbnailUrl, on the CDN. A private channel is there only for its broadcaster, admins, "
            + "the accounts allowed to watch it and the holder of its share link (share), its URLs signed for that viewer "
            + "(playbackSignature: the same signature as a query and as CloudFront cookies); for anyone else it does not exist.")
    @APIResponse(responseCode = "200", description = "The channel",
            content = @Content(schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "404", description = "No such channel, or a private one the caller may not see", ref = OnAirApi.NOT_FOUND)
    @SecurityRequirementsSet
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_READ)
    public ChannelView get(@PathParam("id") String id,
                           @Parameter(description = "A private channel's share-link token") @QueryParam("share") String share,
                           @Context SecurityContext security) {
        return views.of(access.visible(checked(id), viewer(security, share)));
    }

    @GET
    @Path("{id}/replay")
    @PermitAll
    @Operation(summary = "A channel's replay", description = "Written when the channel ENDED and every segment of it is "
            + "in S3 (a few seconds after the end): the VOD playlist's URL, its duration and segment count, and the "
            + "thumbnails taken while live. A private channel's replay is for the viewers who may see the channel, signed for each.")
    @APIResponse(responseCode = "200", description = "The replay",
            content = @Content(schema = @Schema(implementation = ReplayView.class)))
    @APIResponse(responseCode = "404", description = "No such channel (or a private one the caller may not see), or no "
            + "replay yet (type no-replay: not ended, being written, or never on air)", ref = OnAirApi.NOT_FOUND)
    @APIResponse(responseCode = "503", description = "No CDN is configured (type cdn-not-configured)", ref = OnAirApi.UNAVAILABLE)
    @SecurityRequirementsSet
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_READ)
    public ReplayView replay(@PathParam("id") String id,
                             @Parameter(description = "A private channel's share-link token") @QueryParam("share") String share,
                             @Context SecurityContext security) {
        return ReplayView.of(replays.playable(checked(id), viewer(security, share)));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Role.USER_GROUP, Role.ADMIN_GROUP})
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @SecurityRequirement(name = OnAirApi.BEARER)
    @Operation(summary = "Edit a channel (its broadcaster only)",
            description = "Title, description and visibility; fields left out stay as they are.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ChannelEdit.class)))
    @APIResponse(responseCode = "200", description = "The edited channel",
            content = @Content(schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown fields or a malformed body", ref = OnAirApi.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Not the channel's broadcaster", ref = OnAirApi.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such channel, or a private one the caller may not see", ref = OnAirApi.NOT_FOUND)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_WRITE)
    public ChannelView edit(@PathParam("id") String id, @Context SecurityContext security, InputStream body) {
        String channelId = checked(id);
        Caller caller = callers.of(security);
        return views.of(channels.edit(channelId, caller, ChannelEdit.read(body)), Viewer.of(caller));
    }

    @POST
    @Path("{id}/end")
    @RolesAllowed({Role.USER_GROUP, Role.ADMIN_GROUP})
    @SecurityRequirement(name = OnAirApi.BEARER)
    @Operation(summary = "End a broadcast (its broadcaster or an admin)", description = "The channel becomes ENDED for good; "
            + "a publishing encoder is dropped at once and its reconnects are refused.")
    @APIResponse(responseCode = "200", description = "The ended channel",
            content = @Content(schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Neither the broadcaster nor an admin", ref = OnAirApi.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such channel, or a private one the caller may not see", ref = OnAirApi.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Already ended (type illegal-transition)", ref = OnAirApi.CONFLICT)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_WRITE)
    public ChannelView end(@PathParam("id") String id, @Context SecurityContext security) {
        Caller caller = callers.of(security);
        return views.of(lifecycle.end(checked(id), caller), Viewer.of(caller));
    }

    @GET
    @Path("{id}/health")
    @RolesAllowed({Role.USER_GROUP, Role.ADMIN_GROUP})
    @SecurityRequirement(name = OnAirApi.BEARER)
    @Operation(summary = "Stream health (its broadcaster or an admin)",
            description = "What nginx-rtmp measured of the live stream a few seconds ago: inbound bitrate, codecs, "
                    + "resolution, frame rate, and HEALTHY or STARVING (no data, or the bitrate collapsed). "
                    + "MEASURING until the first reading of a new publish; OFFLINE when nothing is publishing. "
                    + "delivery: how far the upload of its HLS segments to S3 is behind.")
    @APIResponse(responseCode = "200", description = "The latest measurement",
            content = @Content(schema = @Schema(implementation = StreamHealthView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Neither the broadcaster nor an admin", ref = OnAirApi.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such channel, or a private one the caller may not see", ref = OnAirApi.NOT_FOUND)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_READ)
    public StreamHealthView health(@PathParam("id") String id, @Context SecurityContext security) {
        HealthReport report = watchdog.report(checked(id), callers.of(security));
        return StreamHealthView.of(report, sync.statusOf(report.channel().id()));
    }

    @GET
    @Path("{id}/events")
    @RolesAllowed({Role.USER_GROUP, Role.ADMIN_GROUP})
    @SecurityRequirement(name = OnAirApi.BEARER)
    @Operation(summary = "Stream lifecycle events (its broadcaster or an admin)",
            description = "Every STARTED, INTERRUPTED, RESUMED and ENDED of the channel, oldest first, each written "
                    + "in the transaction that made the transition: none is missing, none is doubled.")
    @APIResponse(responseCode = "200", description = "The events",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = StreamEventView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Neither the broadcaster nor an admin", ref = OnAirApi.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such channel, or a private one the caller may not see", ref = OnAirApi.NOT_FOUND)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.EVENTS_READ)
    public List<StreamEventView> events(@PathParam("id") String id, @Context SecurityContext security) {
        return lifecycle.journalOf(checked(id), callers.of(security)).stream().map(StreamEventView::of).toList();
    }

    private Viewer viewer(SecurityContext security, String shareToken) {
        return new Viewer(callers.optional(security), Optional.ofNullable(shareToken));
    }

    static String checked(String id) {
        return Ids.existing("channel", id);
    }
}
