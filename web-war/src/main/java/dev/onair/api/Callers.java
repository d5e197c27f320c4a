package dev.onair.api;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Caller;
import dev.onair.shared.DomainException;
import dev.onair.signin.entity.Scopes;
import dev.onair.signin.entity.SignInRefused;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Turns the verified bearer token of a request into the {@link Caller} the business components
 * take. The token's {@code sub} is an account id; a token for an account that does not exist
 * (any more) is refused (401), so is one of a disabled account (403: its tokens stop working at
 * once, not when they expire), and the account's current roles count, not the token's.
 */
@ApplicationScoped
public class Callers {

    @EJB
    Accounts accounts;

    /**
     * The caller; an admin only when the account is one now and, for an API client's token, the
     * token has the {@code admin} scope.
     */
    public Caller of(SecurityContext security) {
        Account account = account(security);
        JsonWebToken token = (JsonWebToken) security.getUserPrincipal();
        boolean admin = account.isAdmin() && (ScopeCheck.clientId(token).isEmpty() || ScopeCheck.scopes(token).contains(Scopes.ADMIN));
        return new Caller(account.id(), admin);
    }

    public Account account(SecurityContext security) {
        if (!(security.getUserPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            throw new NotAuthorizedException("Bearer");
        }
        Account account = accounts.find(token.getSubject()).orElseThrow(UnknownAccount::new);
        if (account.disabled()) {
            throw SignInRefused.accountDisabled();
        }
        return account;
    }

    /** The caller of an endpoint anyone may call: empty without a bearer token. */
    public Optional<Caller> optional(SecurityContext security) {
        return security != null && security.getUserPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? Optional.of(of(security)) : Optional.empty();
    }

    /** A valid token whose account is gone. */
    static final class UnknownAccount extends DomainException {
        UnknownAccount() {
            super(Kind.UNAUTHORIZED, "unknown-account", "Unknown account",
                    "The token's account does not exist; sign in again.");
        }
    }
}
