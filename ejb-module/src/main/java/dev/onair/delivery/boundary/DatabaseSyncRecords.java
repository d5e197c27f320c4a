package dev.onair.delivery.boundary;

import dev.onair.delivery.control.DeliverySettings;
import dev.onair.delivery.control.ObjectKeys;
import dev.onair.delivery.control.SyncRecords;
import dev.onair.delivery.entity.DeliveryChannel;
import dev.onair.delivery.entity.DeliveryPublish;
import dev.onair.delivery.entity.Replay;
import dev.onair.delivery.entity.ReplayReady;
import dev.onair.delivery.entity.Segment;
import dev.onair.delivery.entity.Thumbnail;
import dev.onair.delivery.entity.ThumbnailTaken;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sync's rows in the database, each call one transaction: segments as nginx lists them,
 * their upload, the channel's replay and thumbnails, read together with delivery's record of the
 * channels and publishes ({@link StreamRecords}); no table of another component's is read. A
 * replay or thumbnail saved fires {@link ReplayReady} or {@link ThumbnailTaken} in its transaction. The
 * rows outlive OnAir: a restarted node picks up where the last one stopped.
 */
@Stateless
@Local(SyncRecords.class)
public class DatabaseSyncRecords implements SyncRecords {

    /** File numbers per query: an IN list every database takes. */
    private static final int IN_LIST_SIZE = 500;

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @Inject
    DeliverySettings settings;

    @Inject
    Event<ReplayReady> replayReady;

    @Inject
    Event<ThumbnailTaken> thumbnailTaken;

    @Override
    public Optional<String> folderOfPublish(String publishId) {
        return Optional.ofNullable(publishId == null ? null : em.find(DeliveryPublish.class, publishId)).map(DeliveryPublish::folder);
    }

    @Override
    public long highestNumber(String folder) {
        Long highest = em.createNamedQuery(Segment.HIGHEST_IN_FOLDER, Long.class)
                .setParameter("folder", folder).getSingleResult();
        return highest == null ? -1 : highest;
    }

    @Override
    public List<FolderPublish> publishesOf(String folder, int max) {
        // every publish has its channel's record (a foreign key): the join drops none
        return em.createNamedQuery(DeliveryPublish.IN_FOLDER, Object[].class)
                .setParameter("folder", folder).setMaxResults(max).getResultStream()
                .map(row -> {
                    DeliveryPublish p = (DeliveryPublish) row[0];
                    return new FolderPublish(p.id(), p.channelId(), (Boolean) row[1], p.startedAt(), p.endedAt());
                })
                .toList();
    }

    @Override
    public List<Segment> commit(String folder, List<Listed> listed, Collection<Long> uploaded, Instant now) {
        if (!uploaded.isEmpty()) {
            em.createNamedQuery(Segment.MARK_UPLOADED).setParameter("ids", uploaded).setParameter("at", now).executeUpdate();
        }
        return listed.isEmpty() ? List.of() : record(folder, listed, now);
    }

    /** Each listed segment takes the next position in its channel's recording; the listing says its channel and key. */
    private List<Segment> record(String folder, List<Listed> listed, Instant now) {
        Map<String, Segment> last = new HashMap<>();
        List<Segment> recorded = new ArrayList<>();
        for (Listed item : listed) {
            String channelId = item.publish().channelId();
            Segment previous = last.computeIfAbsent(channelId, id -> em.createNamedQuery(Segment.LATEST_OF_CHANNEL, Segment.class)
                    .setParameter("channel", id).getResultStream().findFirst().orElse(null));
            int seq = previous == null ? 0 : previous.seq() + 1;
            boolean discontinuity = previous != null && !previous.publishId().equals(item.publishId());
            Segment segment = new Segment(item.publishId(), channelId, folder, item.number(), seq, discontinuity,
                    item.duration(), ObjectKeys.segment(settings.privatePrefix(), item.publish(), item.number()), now);
            em.persist(segment);
            recorded.add(segment);
            last.put(channelId, segment);
        }
        em.flush();
        return recorded;
    }

    @Override
    public List<Segment> pending(String folder, int max) {
        return em.createNamedQuery(Segment.PENDING_IN_FOLDER, Segment.class)
                .setParameter("folder", folder).setMaxResults(max).getResultList();
    }

    @Override
    public List<String> foldersToSync() {
        List<String> folders = new ArrayList<>(em.createNamedQuery(Segment.FOLDERS_PENDING, String.class).getResultList());
        em.createNamedQuery(DeliveryPublish.FOLDERS_PUBLISHING, String.class).getResultStream()
                .filter(name -> !folders.contains(name)).forEach(folders::add);
        channelsAwaitingReplay().keySet().stream().filter(name -> !folders.contains(name)).forEach(folders::add);
        return folders;
    }

    @Override
    public List<Segment> uploadedAmong(String folder, List<Long> numbers) {
        List<Segment> found = new ArrayList<>();
        for (int from = 0; from < numbers.size(); from += IN_LIST_SIZE) {
            found.addAll(em.createQuery("SELECT s FROM Segment s WHERE s.folder = :folder AND s.uploadedAt IS NOT NULL"
                            + " AND s.number IN :numbers", Segment.class)
                    .setParameter("folder", folder)
                    .setParameter("numbers", numbers.subList(from, Math.min(numbers.size(), from + IN_LIST_SIZE)))
                    .getResultList());
        }
        return found;
    }

    @Override
    public List<Segment> latestUploaded(String channelId, int max) {
        List<Segment> latest = new ArrayList<>(em.createNamedQuery(Segment.LATEST_UPLOADED_OF_CHANNEL, Segment.class)
                .setParameter("channel", channelId).setMaxResults(max).getResultList());
        Collections.reverse(latest);
        return latest;
    }

    @Override
    public long discontinuitiesUpTo(String channelId, int seq) {
        return em.createQuery("SELECT COUNT(s) FROM Segment s WHERE s.channelId = :channel AND s.seq <= :seq"
                        + " AND s.discontinuity = TRUE", Long.class)
                .setParameter("channel", channelId).setParameter("seq", seq).getSingleResult();
    }

    @Override
    public Map<String, List<String>> channelsAwaitingReplay() {
        Map<String, List<String>> byFolder = new HashMap<>();
        em.createQuery("SELECT DISTINCT s.folder, s.channelId FROM Segment s, DeliveryChannel c WHERE c.channelId = s.channelId"
                        + " AND c.endedAt IS NOT NULL AND NOT EXISTS (SELECT r FROM Replay r WHERE r.channelId = c.channelId)",
                        Object[].class)
                .getResultStream()
                .forEach(row -> byFolder.computeIfAbsent((String) row[0], f -> new ArrayList<>()).add((String) row[1]));
        return byFolder;
    }

    @Override
    public ReplayCheck replayCheck(String channelId, Duration grace, Instant now) {
        DeliveryChannel channel = em.find(DeliveryChannel.class, channelId);
        if (channel == null || !channel.ended() || em.find(Replay.class, channelId) != null) {
            return ReplayCheck.of(ReplayCheck.State.NONE);
        }
        for (DeliveryPublish publish : em.createNamedQuery(DeliveryPublish.OF_CHANNEL, DeliveryPublish.class)
                .setParameter("channel", channelId).getResultList()) {
            if (publish.endedAt() == null || publish.endedAt().plus(grace).isAfter(now)) {
                return ReplayCheck.of(ReplayCheck.State.WAIT);
            }
        }
        long pending = em.createNamedQuery(Segment.COUNT_PENDING_OF_CHANNEL, Long.class)
                .setParameter("channel", channelId).getSingleResult();
        if (pending > 0) {
            return ReplayCheck.of(ReplayCheck.State.WAIT);
        }
        return ReplayCheck.due(em.createNamedQuery(Segment.OF_CHANNEL, Segment.class).setParameter("channel", channelId).getResultList());
    }

    @Override
    public boolean saveReplay(Replay replay) {
        if (em.find(Replay.class, replay.channelId()) != null) {
            return false;
        }
        em.persist(replay);
        em.flush();
        replayReady.fire(ReplayReady.of(replay, ownerOf(replay.channelId())));
        return true;
    }

    @Override
    public void saveThumbnail(Thumbnail thumbnail) {
        em.persist(thumbnail);
        em.flush();
        thumbnailTaken.fire(new ThumbnailTaken(thumbnail.channelId(), ownerOf(thumbnail.channelId()), thumbnail.takenAt()));
    }

    private String ownerOf(String channelId) {
        DeliveryChannel channel = em.find(DeliveryChannel.class, channelId);
        return channel == null ? null : channel.ownerId();
    }
}
