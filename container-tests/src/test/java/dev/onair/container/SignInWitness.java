package dev.onair.container;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.signin.entity.LoginFailed;
import dev.onair.signin.entity.UserLoggedIn;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One more reaction to sign-ins, added by the test deployment only: it is what any future
 * observer (a welcome mail, a fraud check) would be, and the sign-in code was not touched for it.
 */
@ApplicationScoped
public class SignInWitness {

    @EJB
    Accounts accounts;

    private final List<UserLoggedIn> loggedIn = new CopyOnWriteArrayList<>();
    private final List<LoginFailed> failed = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> accountVisible = new ConcurrentHashMap<>();

    void onUserLoggedIn(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserLoggedIn event) {
        accountVisible.put(event.attemptId(), accounts.find(event.accountId()).isPresent());
        loggedIn.add(event);
    }

    void onLoginFailed(@Observes LoginFailed event) {
        failed.add(event);
    }

    public List<UserLoggedIn> loggedIn(String attemptId) {
        return loggedIn.stream().filter(e -> e.attemptId().equals(attemptId)).toList();
    }

    public List<LoginFailed> failed(String provider) {
        return failed.stream().filter(e -> e.provider().equals(provider)).toList();
    }

    /** Whether the account was already committed (readable from another transaction) when the event came. */
    public boolean accountWasVisible(String attemptId) {
        return accountVisible.getOrDefault(attemptId, false);
    }
}
