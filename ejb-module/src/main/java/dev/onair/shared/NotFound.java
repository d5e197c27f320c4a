package dev.onair.shared;

/** The thing asked for does not exist, or the caller may not know that it does. */
public class NotFound extends DomainException {

    public NotFound(String what) {
        super(Kind.NOT_FOUND, "not-found", "Not found", what);
    }
}
