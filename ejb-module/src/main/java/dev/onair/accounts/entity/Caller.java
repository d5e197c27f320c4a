package dev.onair.accounts.entity;

/**
 * The authenticated account behind a request, as the business components see it: the
 * account id and whether the caller holds the {@code admin} role.
 */
public record Caller(String accountId, boolean admin) {

    public Caller {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("a caller has an account id");
        }
    }

    public boolean owns(String ownerId) {
        return accountId.equals(ownerId);
    }
}
