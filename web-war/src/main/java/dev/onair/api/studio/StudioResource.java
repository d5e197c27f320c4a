package dev.onair.api.studio;

import dev.onair.accounts.entity.Caller;
import dev.onair.accounts.entity.Role;
import dev.onair.api.Callers;
import dev.onair.api.OnAirApi;
import dev.onair.api.channels.ChannelView;
import dev.onair.api.channels.ChannelViews;
import dev.onair.channels.boundary.Studio;
import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.Viewer;
import dev.onair.ingest.boundary.StreamKeys;
import dev.onair.shared.NotFound;
import dev.onair.signin.entity.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

@Path("studio")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER_GROUP, Role.ADMIN_GROUP})
@SecurityRequirement(name = OnAirApi.BEARER)
@Tag(name = "studio")
@APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", description = "The token grants neither user nor admin", ref = OnAirApi.FORBIDDEN)
public class StudioResource {

    @Inject
    Studio studio;

    @EJB
    StreamKeys streamKeys;

    @Inject
    Callers callers;

    @Inject
    ChannelViews views;

    @GET
    @Operation(summary = "Enter the studio",
            description = "The caller's unfinished channel (CREATED, LIVE or RECONNECTING): after a refresh, "
                    + "a crash or in a second tab the studio returns to it, with its playback URL for a preview "
                    + "while on air. 404 when there is none.")
    @APIResponse(responseCode = "200", description = "The unfinished channel",
            content = @Content(schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "404", description = "No unfinished channel: open one", ref = OnAirApi.NOT_FOUND)
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_READ)
    public ChannelView enter(@Context SecurityContext security) {
        Caller caller = callers.of(security);
        return studio.enter(caller)
                .map(channel -> views.of(channel, Viewer.of(caller)))
                .orElseThrow(() -> new NotFound("no unfinished channel; open one with POST /api/studio/channels"));
    }

    @POST
    @Path("channels")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a channel", description = "A broadcaster has at most one unfinished channel.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewChannel.class)))
    @APIResponse(responseCode = "201", description = "The new channel; Location names it",
            content = @Content(schema = @Schema(implementation = ChannelView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown fields or a malformed body", ref = OnAirApi.BAD_REQUEST)
    @APIResponse(responseCode = "409", description = "An unfinished channel exists (type open-channel-exists, its id in channelId)", ref = OnAirApi.CONFLICT)
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_WRITE)
    public Response open(@Context SecurityContext security, @Context UriInfo uri, InputStream body) {
        var draft = NewChannel.read(body);
        Channel channel = studio.open(callers.of(security), draft);
        return Response.created(uri.getBaseUriBuilder().path("channels").path(channel.id()).build())
                .entity(ChannelView.of(channel))
                .build();
    }

    @GET
    @Path("stream-key")
    @Operation(summary = "The OBS settings", description = "RTMP server URL and stream key of the caller. "
            + "The key is issued on first request and stays the same until rotated.")
    @APIResponse(responseCode = "200", description = "Server URL and stream key",
            content = @Content(schema = @Schema(implementation = StreamKeyView.class)))
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.STREAM_KEY_READ)
    public Response streamKey(@Context SecurityContext security) {
        Caller caller = callers.of(security);
        return secret(StreamKeyView.of(streamKeys.settingsOf(caller.accountId())));
    }

    @POST
    @Path("stream-key/rotation")
    @Operation(operationId = "rotateStreamKey", summary = "Rotate the stream key", description = "Makes a new key; the old one stops working at once.")
    @APIResponse(responseCode = "200", description = "The new server URL and stream key",
            content = @Content(schema = @Schema(implementation = StreamKeyView.class)))
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.STREAM_KEY_ROTATE)
    public Response rotate(@Context SecurityContext security) {
        Caller caller = callers.of(security);
        return secret(StreamKeyView.of(streamKeys.rotate(caller.accountId())));
    }

    private static Response secret(StreamKeyView view) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        noStore.setPrivate(true);
        return Response.ok(view).cacheControl(noStore).header("Pragma", "no-cache").build();
    }
}
