package dev.onair.delivery.boundary;

import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.ChannelState;
import dev.onair.channels.entity.Visibility;
import dev.onair.delivery.control.DeliverySettings;
import dev.onair.delivery.control.ObjectKeys;
import dev.onair.delivery.entity.Replay;
import dev.onair.delivery.entity.Segment;
import dev.onair.delivery.entity.Thumbnail;
import dev.onair.ingest.entity.PublishSession;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sync's records, each call one transaction: segments as nginx lists them, their upload,
 * and the channel's replay. The rows outlive OnAir: a restarted node picks up where the last
 * one stopped.
 */
@Stateless
public class Segments {

    @PersistenceContext(unitName = "onair")
    EntityManager em;

    @Inject
    DeliverySettings settings;

    /** A publish session that writes to a folder, newest first in {@link #sessionsOf}. */
    public record FolderSession(String sessionId, String channelId, Instant startedAt, Instant endedAt) {
    }

    /** A segment nginx listed, attributed to a session, not recorded yet. */
    public record Listed(String sessionId, long number, Duration duration) {
    }

    /** The folder (stream name) nginx writes a publish session's segments to. */
    public Optional<String> folderOfSession(String sessionId) {
        return Optional.ofNullable(sessionId == null ? null : em.find(PublishSession.class, sessionId)).map(PublishSession::streamName);
    }

    /** The highest file number recorded for {@code folder}, or -1. */
    public long highestNumber(String folder) {
        Long highest = em.createNamedQuery(Segment.HIGHEST_IN_FOLDER, Long.class)
                .setParameter("folder", folder).getSingleResult();
        return highest == null ? -1 : highest;
    }

    /** The latest publish sessions on {@code folder} (the stream's public name), newest first. */
    public List<FolderSession> sessionsOf(String folder, int max) {
        return em.createQuery("SELECT s FROM PublishSession s WHERE s.streamName = :name ORDER BY s.startedAt DESC",
                        PublishSession.class)
                .setParameter("name", folder).setMaxResults(max).getResultStream()
                .map(s -> new FolderSession(s.id(), s.channelId(), s.startedAt(), s.endedAt()))
                .toList();
    }

    /**
     * Records newly listed segments in listing order: each gets the next position in its
     * channel's recording, a discontinuity when it opens a publish session that is not the
     * channel's first, and its object key under the channel's folder.
     */
    public List<Segment> record(String folder, List<Listed> listed, Instant now) {
        Map<String, Integer> nextSeq = new HashMap<>();
        Map<String, String> lastSession = new HashMap<>();
        Map<String, String> channelOf = new HashMap<>();
        List<Segment> recorded = new ArrayList<>();
        for (Listed item : listed) {
            String channelId = channelOf.computeIfAbsent(item.sessionId(), id -> em.find(PublishSession.class, id).channelId());
            Channel channel = em.find(Channel.class, channelId);
            int seq = nextSeq.computeIfAbsent(channelId, id -> {
                Integer highest = em.createNamedQuery(Segment.HIGHEST_SEQ_OF_CHANNEL, Integer.class)
                        .setParameter("channel", id).getSingleResult();
                if (highest != null) {
                    lastSession.put(id, em.createQuery("SELECT s.sessionId FROM Segment s WHERE s.channelId = :channel"
                                    + " AND s.seq = :seq", String.class)
                            .setParameter("channel", id).setParameter("seq", highest).getSingleResult());
                }
                return highest == null ? 0 : highest + 1;
            });
            String previous = lastSession.get(channelId);
            boolean discontinuity = previous != null && !previous.equals(item.sessionId());
            String channelFolder = ObjectKeys.channelFolder(settings.privatePrefix(),
                    channel.visibility() == Visibility.PRIVATE, channelId);
            Segment segment = new Segment(item.sessionId(), channelId, folder, item.number(), seq, discontinuity,
                    item.duration(), ObjectKeys.segment(channelFolder, item.sessionId(), item.number()), now);
            em.persist(segment);
            recorded.add(segment);
            nextSeq.put(channelId, seq + 1);
            lastSession.put(channelId, item.sessionId());
        }
        em.flush();
        return recorded;
    }

    /** Segments of {@code folder} not uploaded yet, oldest first. */
    public List<Segment> pending(String folder, int max) {
        return em.createNamedQuery(Segment.PENDING_IN_FOLDER, Segment.class)
                .setParameter("folder", folder).setMaxResults(max).getResultList();
    }

    /** Folders that have segments waiting for upload, or an active publish session. */
    public List<String> foldersToSync() {
        List<String> folders = new ArrayList<>(em.createNamedQuery(Segment.FOLDERS_PENDING, String.class).getResultList());
        em.createNamedQuery(PublishSession.ACTIVE, PublishSession.class).getResultStream()
                .map(PublishSession::streamName).filter(name -> !folders.contains(name)).forEach(folders::add);
        channelsAwaitingReplay().keySet().stream().filter(name -> !folders.contains(name)).forEach(folders::add);
        return folders;
    }

    /** The uploaded segments of {@code folder} among these file numbers. */
    public List<Segment> uploadedAmong(String folder, List<Long> numbers) {
        List<Segment> found = new ArrayList<>();
        for (int from = 0; from < numbers.size(); from += 500) {
            found.addAll(em.createQuery("SELECT s FROM Segment s WHERE s.folder = :folder AND s.uploadedAt IS NOT NULL"
                            + " AND s.number IN :numbers", Segment.class)
                    .setParameter("folder", folder)
                    .setParameter("numbers", numbers.subList(from, Math.min(numbers.size(), from + 500)))
                    .getResultList());
        }
        return found;
    }

    /** Marks segments uploaded. */
    public void markUploaded(Collection<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            em.createNamedQuery(Segment.MARK_UPLOADED).setParameter("ids", ids).setParameter("at", at).executeUpdate();
        }
    }

    /** The newest {@code max} uploaded segments of a channel, in recording order. */
    public List<Segment> latestUploaded(String channelId, int max) {
        List<Segment> latest = new ArrayList<>(em.createNamedQuery(Segment.LATEST_UPLOADED_OF_CHANNEL, Segment.class)
                .setParameter("channel", channelId).setMaxResults(max).getResultList());
        java.util.Collections.reverse(latest);
        return latest;
    }

    /** How many segments of the channel up to {@code seq} open a discontinuity. */
    public long discontinuitiesUpTo(String channelId, int seq) {
        return em.createQuery("SELECT COUNT(s) FROM Segment s WHERE s.channelId = :channel AND s.seq <= :seq"
                        + " AND s.discontinuity = TRUE", Long.class)
                .setParameter("channel", channelId).setParameter("seq", seq).getSingleResult();
    }

    /** ENDED channels with a recording and no replay yet, by the folder they were cut in. */
    public Map<String, List<String>> channelsAwaitingReplay() {
        Map<String, List<String>> byFolder = new HashMap<>();
        em.createQuery("SELECT DISTINCT s.folder, s.channelId FROM Segment s, Channel c WHERE c.id = s.channelId"
                        + " AND c.state = :ended AND NOT EXISTS (SELECT r FROM Replay r WHERE r.channelId = c.id)", Object[].class)
                .setParameter("ended", ChannelState.ENDED).getResultStream()
                .forEach(row -> byFolder.computeIfAbsent((String) row[0], f -> new ArrayList<>()).add((String) row[1]));
        return byFolder;
    }

    /**
     * What the replay of a channel would list, when it is due: the channel ENDED, every publish
     * session of it ended at least {@code grace} ago (nginx lists a publish's last segment as it
     * closes it), every segment uploaded, no replay written yet.
     */
    public Optional<List<Segment>> replayDue(String channelId, Duration grace, Instant now) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || channel.state() != ChannelState.ENDED || em.find(Replay.class, channelId) != null) {
            return Optional.empty();
        }
        for (PublishSession session : em.createNamedQuery(PublishSession.OF_CHANNEL, PublishSession.class)
                .setParameter("channel", channelId).getResultList()) {
            if (session.endedAt() == null || session.endedAt().plus(grace).isAfter(now)) {
                return Optional.empty();
            }
        }
        long pending = em.createNamedQuery(Segment.COUNT_PENDING_OF_CHANNEL, Long.class)
                .setParameter("channel", channelId).getSingleResult();
        if (pending > 0) {
            return Optional.empty();
        }
        return Optional.of(em.createNamedQuery(Segment.OF_CHANNEL, Segment.class).setParameter("channel", channelId).getResultList());
    }

    public boolean channelEnded(String channelId) {
        Channel channel = em.find(Channel.class, channelId);
        return channel != null && channel.state() == ChannelState.ENDED;
    }

    /** Keeps the replay written to S3; false when another node wrote it first. */
    public boolean saveReplay(Replay replay) {
        if (em.find(Replay.class, replay.channelId()) != null) {
            return false;
        }
        em.persist(replay);
        return true;
    }

    public void saveThumbnail(Thumbnail thumbnail) {
        em.persist(thumbnail);
    }

    /** The channels among {@code channelIds} that have a thumbnail. */
    public java.util.Set<String> withThumbnails(Collection<String> channelIds) {
        return channelIds.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(em.createNamedQuery(Thumbnail.CHANNELS_WITH, String.class)
                .setParameter("channels", channelIds).getResultList());
    }

    public List<Thumbnail> thumbnailsOf(String channelId) {
        return em.createNamedQuery(Thumbnail.OF_CHANNEL, Thumbnail.class).setParameter("channel", channelId).getResultList();
    }

    public Optional<Replay> replayOf(String channelId) {
        return Optional.ofNullable(em.find(Replay.class, channelId));
    }

    public Map<String, Replay> replaysOf(Collection<String> channelIds) {
        Map<String, Replay> replays = new HashMap<>();
        if (!channelIds.isEmpty()) {
            em.createNamedQuery(Replay.OF_CHANNELS, Replay.class).setParameter("channels", channelIds)
                    .getResultStream().forEach(r -> replays.put(r.channelId(), r));
        }
        return replays;
    }
}
