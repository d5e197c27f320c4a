package dev.onair.signin.boundary;

import dev.onair.signin.control.SignInConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an API client's access tokens still work, as this node last read it from the database:
 * each client's state is read again once it is older than {@code onair.auth.client-state-refresh}
 * (seconds), so a client revoked on any node is refused everywhere within that time, not when its
 * tokens expire. Each read also records that the client was used (at most once per refresh), so
 * the last use is known without a write per request.
 */
@ApplicationScoped
public class ApiClientStates {

    /** Clients remembered at most; past it, the stalest go first. */
    static final int MAX_ENTRIES = 10_000;

    private record State(boolean active, Instant readAt) {
    }

    @EJB
    ApiClients clients;

    @Inject
    SignInConfig settings;

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();
    private Duration refresh;

    public ApiClientStates() {
    }

    /** For tests: the clients' store, the refresh interval and the clock. */
    ApiClientStates(ApiClients clients, Duration refresh, Clock clock) {
        this.clients = clients;
        this.refresh = refresh;
        this.clock = clock;
    }

    @PostConstruct
    void init() {
        refresh = settings.clientStateRefresh();
    }

    /** Whether the tokens of {@code clientId} may be used now. */
    public boolean active(String clientId) {
        Instant now = clock.instant();
        State state = states.get(clientId);
        if (state == null || !state.readAt().plus(refresh).isAfter(now)) {
            state = new State(clients.active(clientId, true), now);
            if (states.size() >= MAX_ENTRIES) {
                evictStale(now);
            }
            states.put(clientId, state);
        }
        return state.active();
    }

    /** Forgets what this node knew of {@code clientId} (it was revoked or rotated here): the next use reads it again. */
    public void forget(String clientId) {
        states.remove(clientId);
    }

    /** Clients remembered now. */
    int size() {
        return states.size();
    }

    private void evictStale(Instant now) {
        for (Iterator<State> it = states.values().iterator(); it.hasNext(); ) {
            if (!it.next().readAt().plus(refresh).isAfter(now)) {
                it.remove();
            }
        }
        if (states.size() >= MAX_ENTRIES) {
            states.clear();
        }
    }
}
