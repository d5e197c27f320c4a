package dev.onair.shared;

/** The caller is known but may not do this (not the owner, not an admin). */
public class Forbidden extends DomainException {

    public Forbidden(String detail) {
        super(Kind.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
