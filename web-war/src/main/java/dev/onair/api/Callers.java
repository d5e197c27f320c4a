package dev.onair.api;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Account;
import dev.onair.accounts.entity.Caller;
import dev.onair.accounts.entity.Profile;
import dev.onair.accounts.entity.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.EnumSet;
import java.util.Set;

/** Turns the verified bearer token of a request into the {@link Caller} the business components take. */
@ApplicationScoped
public class Callers {

    @EJB
    Accounts accounts;

    public Caller of(SecurityContext security) {
        if (!(security.getUserPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            throw new NotAuthorizedException("Bearer");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        token.getGroups().forEach(group -> Role.ofGroup(group).ifPresent(roles::add));
        Account account = accounts.ensure(new Profile(token.getSubject(), displayName(token),
                token.getClaim(Claims.email), token.getClaim("picture"), roles));
        return new Caller(account.id(), security.isUserInRole(Role.ADMIN_GROUP));
    }

    private static String displayName(JsonWebToken token) {
        String name = token.getClaim("name");
        return name != null && !name.isBlank() ? name : token.getClaim(Claims.preferred_username);
    }
}
