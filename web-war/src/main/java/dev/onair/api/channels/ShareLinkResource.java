package dev.onair.api.channels;

import dev.onair.accounts.entity.Role;
import dev.onair.api.Callers;
import dev.onair.api.OnAirApi;
import dev.onair.channels.boundary.ChannelAccess;
import dev.onair.channels.entity.IssuedShareLink;
import dev.onair.shared.NotFound;
import dev.onair.signin.entity.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A private channel's share link: a token whoever holds it may watch with. */
@Path("channels/{id}/share-link")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER_GROUP, Role.ADMIN_GROUP})
@SecurityRequirement(name = OnAirApi.BEARER)
@Tag(name = "channels")
@APIResponse(responseCode = "401", description = "No valid bearer token", ref = OnAirApi.UNAUTHORIZED)
@APIResponse(responseCode = "403", description = "An allowed viewer, not the broadcaster or an admin", ref = OnAirApi.FORBIDDEN)
@APIResponse(responseCode = "404", description = "No such channel (or a private one the caller may not see), or no share link", ref = OnAirApi.NOT_FOUND)
public class ShareLinkResource {

    @EJB
    ChannelAccess access;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "getShareLink", summary = "Whether the channel has a share link (its broadcaster or an admin)",
            description = "When it was made; the token itself was shown once, when it was made.")
    @APIResponse(responseCode = "200", description = "The share link, without its token",
            content = @Content(schema = @Schema(implementation = ShareLinkView.class)))
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_READ)
    public ShareLinkView get(@PathParam("id") String id, @Context SecurityContext security) {
        return access.shareLinkCreatedAt(ChannelsResource.checked(id), callers.of(security))
                .map(created -> new ShareLinkView(null, null, created))
                .orElseThrow(() -> new NotFound("channel " + id + " has no share link"));
    }

    @POST
    @Operation(summary = "Make or rotate the share link (its broadcaster or an admin)",
            description = "A new token, shown in this answer only; the previous link stops working at once.")
    @APIResponse(responseCode = "201", description = "The new share link with its token and URL",
            content = @Content(schema = @Schema(implementation = ShareLinkView.class)))
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_WRITE)
    public Response rotate(@PathParam("id") String id, @Context SecurityContext security) {
        IssuedShareLink link = access.rotateShareLink(ChannelsResource.checked(id), callers.of(security));
        String url = uri.getBaseUri().resolve("../channels/" + link.channelId() + "?share="
                + URLEncoder.encode(link.token(), StandardCharsets.UTF_8)).toString();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.CREATED).cacheControl(noStore)
                .entity(new ShareLinkView(link.token(), url, link.createdAt())).build();
    }

    @DELETE
    @Operation(summary = "Withdraw the share link (its broadcaster or an admin)",
            description = "Whoever held it loses access at once: no channel, no URL, no new signature.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @SecurityRequirement(name = OnAirApi.BEARER)
    @SecurityRequirement(name = OnAirApi.CLIENT, scopes = Scopes.CHANNELS_WRITE)
    public Response withdraw(@PathParam("id") String id, @Context SecurityContext security) {
        access.withdrawShareLink(ChannelsResource.checked(id), callers.of(security));
        return Response.noContent().build();
    }
}
