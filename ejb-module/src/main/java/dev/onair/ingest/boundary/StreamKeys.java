package dev.onair.ingest.boundary;

import dev.onair.ingest.control.IngestSettings;
import dev.onair.ingest.control.MasterSecret;
import dev.onair.ingest.control.StreamKeyDerivation;
import dev.onair.ingest.entity.ObsSettings;
import dev.onair.ingest.entity.StreamKey;
import dev.onair.ingest.entity.StreamKeyRotated;
import dev.onair.shared.Conflicts;
import dev.onair.shared.Transactions;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.util.Optional;

/**
 * One persistent stream key per broadcaster, so OBS is set up once: issued on first request,
 * shown again to its owner on every later one, replaced by {@link #rotate}.
 */
@Stateless
public class StreamKeys {

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @EJB
    Transactions transactions;

    @Inject
    MasterSecret masterSecret;

    @Inject
    Event<StreamKeyRotated> rotated;

    @Inject
    IngestSettings settings;

    private final Clock clock = Clock.systemUTC();

    /** The OBS settings of {@code accountId}'s key, issuing the key on first use. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ObsSettings settingsOf(String accountId) {
        StreamKey key = find(accountId).orElseGet(() -> {
            try {
                return transactions.inNewTransaction(() -> issue(accountId));
            } catch (EJBException | PersistenceException e) {
                if (Conflicts.isUniqueViolation(e)) {
                    return find(accountId).orElseThrow(() -> e);
                }
                throw e;
            }
        });
        return settings(key);
    }

    /**
     * Replaces the secret of {@code accountId}'s key (issuing one if none exists); the old secret
     * stops working at commit, and {@link StreamKeyRotated} tells ingest to drop the publisher.
     */
    public ObsSettings rotate(String accountId) {
        StreamKey key = em.find(StreamKey.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (key == null) {
            return settings(issue(accountId));
        }
        StreamKeyDerivation derivation = masterSecret.derivation();
        String salt = derivation.newSalt();
        key.rotate(salt, StreamKeyDerivation.hash(derivation.secret(accountId, salt)), clock.instant());
        em.flush();
        rotated.fire(new StreamKeyRotated(accountId, key.publicName(), key.rotatedAt()));
        return settings(key);
    }

    /** The key named {@code publicName}, if {@code presentedSecret} is its current secret. */
    public Optional<StreamKey> verified(String publicName, String presentedSecret) {
        return em.createNamedQuery(StreamKey.BY_PUBLIC_NAME, StreamKey.class)
                .setParameter("name", publicName)
                .getResultStream()
                .findFirst()
                .filter(key -> StreamKeyDerivation.matches(presentedSecret, key.secretHash()));
    }

    /** The account whose key has the public name {@code publicName}, if any. */
    public Optional<String> accountNamed(String publicName) {
        return em.createNamedQuery(StreamKey.BY_PUBLIC_NAME, StreamKey.class)
                .setParameter("name", publicName)
                .getResultStream()
                .findFirst()
                .map(StreamKey::accountId);
    }

    public Optional<StreamKey> find(String accountId) {
        return Optional.ofNullable(em.find(StreamKey.class, accountId));
    }

    private StreamKey issue(String accountId) {
        StreamKeyDerivation derivation = masterSecret.derivation();
        String salt = derivation.newSalt();
        StreamKey key = new StreamKey(accountId, derivation.newPublicName(), salt,
                StreamKeyDerivation.hash(derivation.secret(accountId, salt)), clock.instant());
        em.persist(key);
        em.flush();
        return key;
    }

    private ObsSettings settings(StreamKey key) {
        String secret = masterSecret.derivation().secret(key.accountId(), key.salt());
        return new ObsSettings(settings.rtmpUrl(), settings.rtmpsUrl().orElse(null), StreamKeyDerivation.streamKey(key.publicName(), secret));
    }
}
