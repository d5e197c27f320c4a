package dev.onair.api.ingest;

import dev.onair.api.Internal;
import dev.onair.api.problems.Problems;
import dev.onair.ingest.boundary.PublishGate;
import dev.onair.ingest.entity.PublishRefused;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The three nginx-rtmp callbacks. nginx sends form fields ({@code app}, {@code name},
 * {@code clientid}, {@code addr}, ... and the stream name's query arguments, so {@code key});
 * any answer but 2xx refuses a publish ({@code on_publish}) or ends it ({@code on_update}).
 */
@Path("ingest")
@Internal
@PermitAll
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_PLAIN)
public class IngestCallbacksResource {

    @EJB
    PublishGate gate;

    @Inject
    NginxGuard guard;

    @Context
    HttpServletRequest request;

    @POST
    @Path("publish")
    @Operation(hidden = true)
    public Response publish(@QueryParam("secret") String secret, @BeanParam CallbackForm form) {
        return guarded(secret, () -> answer(gate.publish(form.call())));
    }

    @POST
    @Path("update")
    @Operation(hidden = true)
    public Response update(@QueryParam("secret") String secret, @BeanParam CallbackForm form) {
        return guarded(secret, () -> answer(gate.update(form.call())));
    }

    @POST
    @Path("publish-done")
    @Operation(hidden = true)
    public Response publishDone(@QueryParam("secret") String secret, @BeanParam CallbackForm form) {
        return guarded(secret, () -> {
            gate.publishDone(form.call());
            return Response.ok("ok").build();
        });
    }

    private Response guarded(String secret, Supplier<Response> decision) {
        return guard.refusal(request, secret).orElseGet(decision);
    }

    private Response answer(Optional<PublishRefused> refusal) {
        return refusal.map(r -> Problems.response(Problems.status(r.reason().kind()), r.type(), r.reason().title(), r.detail(),
                request.getRequestURI(), Map.of())).orElseGet(() -> Response.ok("ok").build());
    }
}
