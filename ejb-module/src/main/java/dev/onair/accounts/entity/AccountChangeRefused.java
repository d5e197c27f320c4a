package dev.onair.accounts.entity;

import dev.onair.shared.DomainException;

/** An admin's change to an account that OnAir does not make. */
public class AccountChangeRefused extends DomainException {

    private AccountChangeRefused(Kind kind, String type, String title, String detail) {
        super(kind, type, title, detail);
    }

    public static AccountChangeRefused ownAccount() {
        return new AccountChangeRefused(Kind.CONFLICT, "own-account", "Not your own account",
                "an admin cannot disable their own account; ask another admin");
    }
}
