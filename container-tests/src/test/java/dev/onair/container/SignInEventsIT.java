package dev.onair.container;

import dev.onair.accounts.boundary.Accounts;
import dev.onair.accounts.entity.Profile;
import dev.onair.logins.boundary.LoginHistory;
import dev.onair.logins.entity.HistoryFilter;
import dev.onair.logins.entity.Outcome;
import dev.onair.shared.PageRequest;
import dev.onair.signin.boundary.SignIn;
import dev.onair.signin.boundary.SignInSessions;
import dev.onair.signin.entity.Client;
import dev.onair.signin.entity.IssuedTokens;
import dev.onair.signin.entity.SignInRefused;
import dev.onair.signin.entity.UserLoggedIn;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in is announced as events, and whatever reacts does so without the sign-in code knowing:
 * this deployment adds {@link SignInWitness}, an observer the product does not have, and it is
 * called next to the history, last-login and notice observers; only committed sign-ins reach it.
 */
@ExtendWith(ArquillianExtension.class)
class SignInEventsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.onairWith(SignInEventsIT.class, SignInWitness.class);
    }

    @Inject
    SignInWitness witness;

    @Inject
    SignIn signIn;

    @EJB
    SignInSessions sessions;

    @EJB
    LoginHistory history;

    @EJB
    Accounts accounts;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    private static Profile someone() {
        return new Profile("kakao", String.valueOf(System.nanoTime()), "BJ 증인", null, null);
    }

    @Test
    void anAddedObserverHearsACommittedSignInBesideTheProductsOwnObservers() throws InterruptedException {
        String attempt = UUID.randomUUID().toString();
        IssuedTokens tokens = sessions.open(someone(), new Client("203.0.113.5", "WitnessTest/1"), attempt);

        List<UserLoggedIn> heard = witness.loggedIn(attempt);
        assertEquals(1, heard.size(), "called once");
        assertEquals(tokens.accountId(), heard.get(0).accountId());
        assertTrue(heard.get(0).newAccount());
        assertTrue(witness.accountWasVisible(attempt), "called after the sign-in committed");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((accounts.find(tokens.accountId()).orElseThrow().lastLoginAt() == null
                || history.ofAccount(tokens.accountId(), new PageRequest(0, 10)).total() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1, history.ofAccount(tokens.accountId(), new PageRequest(0, 10)).total(),
                "the (asynchronous) history observer ran too");
        assertNotNull(accounts.find(tokens.accountId()).orElseThrow().lastLoginAt(), "and the (asynchronous) last-login observer");
    }

    @Test
    void aSignInThatRolledBackIsNeitherAnnouncedNorRecorded() throws Exception {
        String attempt = UUID.randomUUID().toString();
        transaction.begin();
        IssuedTokens tokens;
        try {
            tokens = sessions.open(someone(), new Client("203.0.113.6", "WitnessTest/2"), attempt);
        } finally {
            transaction.rollback();
        }
        assertTrue(witness.loggedIn(attempt).isEmpty(), "no AFTER_SUCCESS observer hears of it");
        assertTrue(accounts.find(tokens.accountId()).isEmpty(), "no half-made account");
        assertEquals(0, history.search(new HistoryFilter(tokens.accountId(), null, null, null, null), new PageRequest(0, 10)).total());
    }

    @Test
    void aRefusedSignInIsAnnouncedAndRecordedThoughNothingElseWasStored() {
        Instant before = Instant.now().minusSeconds(1);
        String provider = "witness";
        URI api = URI.create("http://localhost:" + System.getenv("ONAIR_HTTP_PORT") + "/api/");
        SignInRefused refused = assertThrows(SignInRefused.class, () -> signIn.begin(provider, "https://evil.example/",
                api, null, new Client("203.0.113.7", "WitnessTest/3")));
        assertEquals("return-to-not-allowed", refused.type());
        assertEquals(1, witness.failed(provider).size());
        assertEquals("return-to-not-allowed", witness.failed(provider).get(0).reason());
        var recorded = history.search(new HistoryFilter(null, provider, Outcome.FAILURE, before, null), new PageRequest(0, 10));
        assertEquals(1, recorded.total());
        assertEquals("return-to-not-allowed", recorded.items().get(0).reason());
        assertEquals("203.0.113.7", recorded.items().get(0).ip());
    }

    @Test
    void aSignInWithAProviderNobodyConfiguredLeavesNoRow() {
        Instant before = Instant.now().minusSeconds(1);
        String provider = "nope" + System.nanoTime() % 100000;
        SignInRefused refused = assertThrows(SignInRefused.class, () -> signIn.begin(provider, "/",
                URI.create("http://localhost:9080/api/"), null, new Client("203.0.113.8", "WitnessTest/4")));
        assertEquals("unknown-provider", refused.type());
        assertTrue(witness.failed(provider).isEmpty(), "strangers make up provider names at will: no event, no row");
        assertEquals(0, history.search(new HistoryFilter(null, provider, null, before, null), new PageRequest(0, 10)).total());
    }
}
