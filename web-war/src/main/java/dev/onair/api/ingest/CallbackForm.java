package dev.onair.api.ingest;

import dev.onair.ingest.entity.PublishCall;
import jakarta.ws.rs.FormParam;

/** The form fields OnAir reads from every nginx-rtmp callback; the others (flashver, tcurl, ...) are ignored. */
public class CallbackForm {

    @FormParam("app")
    String app;

    @FormParam("name")
    String name;

    /** The stream name's {@code ?key=} argument, which nginx merges into the form. */
    @FormParam("key")
    String key;

    @FormParam("clientid")
    String clientId;

    @FormParam("addr")
    String addr;

    /** The validated call; an {@link dev.onair.shared.InvalidInput} naming each malformed field otherwise. */
    PublishCall call() {
        return PublishCall.of(PublishCall.APPLICATION, app, name, key, clientId, addr);
    }
}
