package dev.onair.shared;

/** A request body larger than OnAir reads for it; refused before (or while) it is read, never buffered whole. */
public class TooLarge extends DomainException {

    public static final String TYPE = "payload-too-large";
    public static final String TITLE = "Request body too large";

    public TooLarge(long limit) {
        super(Kind.TOO_LARGE, TYPE, TITLE, detail(limit));
    }

    /** The detail of every such refusal: the limit is the contract, not a secret. */
    public static String detail(long limit) {
        return "the request body is larger than the " + limit + " bytes this endpoint accepts";
    }
}
