package dev.onair.api;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Caller;
import dev.onair.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the verified bearer token of a request into the {@link Caller} the business components
 * take. The token's {@code sub} is an account id; a token for an account that does not exist
 * (any more) is refused, and the account's current roles count, not the token's.
 */
@ApplicationScoped
public class Callers {

    @EJB
    Accounts accounts;

    public Caller of(SecurityContext security) {
        Account account = account(security);
        return new Caller(account.id(), account.isAdmin());
    }

    public Account account(SecurityContext security) {
        if (!(security.getUserPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            throw new NotAuthorizedException("Bearer");
        }
        return accounts.find(token.getSubject()).orElseThrow(UnknownAccount::new);
    }

    /** A valid token whose account is gone. */
    static final class UnknownAccount extends DomainException {
        UnknownAccount() {
            super(Kind.UNAUTHORIZED, "unknown-account", "Unknown account",
                    "The token's account does not exist; sign in again.");
        }
    }
}
