package dev.onair.channels.entity;

/** Why a broadcast ended; {@link #code()} is what the API and the journal show. */
public enum EndReason {
    /** The broadcaster ended it through the API. */
    BROADCASTER("ended-by-broadcaster"),
    /** An admin ended it through the API. */
    ADMIN("ended-by-admin"),
    /** The encoder did not come back within the reconnect window. */
    RECONNECT_TIMEOUT("reconnect-timeout"),
    /** The maximum broadcast length was reached. */
    MAX_LENGTH("max-length"),
    /** An admin disabled the broadcaster's account. */
    ACCOUNT_DISABLED("account-disabled");

    private final String code;

    EndReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
