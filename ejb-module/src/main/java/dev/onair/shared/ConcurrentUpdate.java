package dev.onair.shared;

/** Someone else changed the same thing at the same time; nothing of this request was applied. */
public class ConcurrentUpdate extends DomainException {

    public ConcurrentUpdate(String what) {
        super(Kind.CONFLICT, "concurrent-update", "Changed meanwhile",
                what + " was changed by someone else at the same time; read it again and retry");
    }
}
