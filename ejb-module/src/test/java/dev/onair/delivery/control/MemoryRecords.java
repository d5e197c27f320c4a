package dev.onair.delivery.control;

import dev.onair.delivery.entity.Replay;
import dev.onair.delivery.entity.Segment;
import dev.onair.delivery.entity.Thumbnail;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sync's rows in memory, with the rules {@code DatabaseSyncRecords} keeps in the database:
 * positions in a channel's recording, discontinuities between publishes, keys under the
 * channel's folder, one transaction per call. Counts commits; can fail the next ones.
 */
public final class MemoryRecords implements SyncRecords {

    /** Where private channels' objects go, as the sync under test is told. */
    private static final String PRIVATE_PREFIX = TestSettings.delivery(Map.of()).privatePrefix();

    private final List<FolderPublish> publishes = new ArrayList<>();
    private final Map<String, String> folders = new HashMap<>();
    private final List<Segment> segments = new ArrayList<>();
    private final Set<String> ended = new HashSet<>();
    private final Map<String, Replay> replays = new HashMap<>();
    public final List<Thumbnail> thumbnails = new ArrayList<>();
    public int commits;
    /** Commits still to fail, with this exception. */
    public int failCommits;
    public RuntimeException commitFailure = new IllegalStateException("the database is away");
    /** Runs at the start of each commit, before it may fail: what the test wants to see then. */
    public Runnable beforeCommit = () -> { };
    private long nextId = 1;

    /** A publish on {@code folder} for {@code channelId}, going on since {@code startedAt}. */
    public synchronized void publish(String folder, String publishId, String channelId, Instant startedAt) {
        publishes.add(new FolderPublish(publishId, channelId, false, startedAt, null));
        folders.put(publishId, folder);
    }

    /** Segment {@code number} of publish {@code publishId}, as nginx lists it. */
    public synchronized Listed listed(String publishId, long number, Duration duration) {
        return new Listed(publishes.stream().filter(s -> s.publishId().equals(publishId)).findFirst().orElseThrow(), number, duration);
    }

    public synchronized void endPublish(String publishId, Instant at) {
        publishes.replaceAll(s -> s.publishId().equals(publishId) ? new FolderPublish(s.publishId(), s.channelId(), s.privateChannel(), s.startedAt(), at) : s);
    }

    public synchronized void endChannel(String channelId) {
        ended.add(channelId);
    }

    public synchronized List<Segment> segments() {
        return List.copyOf(segments);
    }

    public synchronized Optional<Replay> replay(String channelId) {
        return Optional.ofNullable(replays.get(channelId));
    }

    @Override
    public synchronized Optional<String> folderOfPublish(String publishId) {
        return Optional.ofNullable(folders.get(publishId));
    }

    @Override
    public synchronized List<String> foldersToSync() {
        return folders.values().stream().distinct().toList();
    }

    @Override
    public synchronized Map<String, List<String>> channelsAwaitingReplay() {
        return Map.of();
    }

    @Override
    public synchronized long highestNumber(String folder) {
        return segments.stream().filter(s -> s.folder().equals(folder)).mapToLong(Segment::number).max().orElse(-1);
    }

    @Override
    public synchronized List<FolderPublish> publishesOf(String folder, int max) {
        return publishes.stream().filter(s -> folder.equals(folders.get(s.publishId())))
                .sorted(Comparator.comparing(FolderPublish::startedAt).reversed()).limit(max).toList();
    }

    @Override
    public synchronized List<Segment> commit(String folder, List<Listed> listed, Collection<Long> uploaded, Instant now) {
        commits++;
        beforeCommit.run();
        if (failCommits > 0) {
            failCommits--;
            throw commitFailure;
        }
        segments.stream().filter(s -> uploaded.contains(s.id()) && !s.uploaded()).forEach(s -> set(s, "uploadedAt", now));
        List<Segment> recorded = new ArrayList<>();
        for (Listed item : listed) {
            String channelId = item.publish().channelId();
            Optional<Segment> last = segments.stream().filter(s -> s.channelId().equals(channelId)).max(Comparator.comparingInt(Segment::seq));
            int seq = last.map(s -> s.seq() + 1).orElse(0);
            boolean discontinuity = last.isPresent() && !last.get().publishId().equals(item.publishId());
            Segment segment = new Segment(item.publishId(), channelId, folder, item.number(), seq, discontinuity, item.duration(),
                    ObjectKeys.segment(PRIVATE_PREFIX, item.publish(), item.number()), now);
            set(segment, "id", nextId++);
            segments.add(segment);
            recorded.add(segment);
        }
        return recorded;
    }

    @Override
    public synchronized List<Segment> pending(String folder, int max) {
        return segments.stream().filter(s -> s.folder().equals(folder) && !s.uploaded())
                .sorted(Comparator.comparingLong(Segment::number)).limit(max).toList();
    }

    @Override
    public synchronized List<Segment> uploadedAmong(String folder, List<Long> numbers) {
        return segments.stream().filter(s -> s.folder().equals(folder) && s.uploaded() && numbers.contains(s.number())).toList();
    }

    @Override
    public synchronized List<Segment> latestUploaded(String channelId, int max) {
        List<Segment> uploaded = segments.stream().filter(s -> s.channelId().equals(channelId) && s.uploaded())
                .sorted(Comparator.comparingInt(Segment::seq)).toList();
        return uploaded.subList(Math.max(0, uploaded.size() - max), uploaded.size());
    }

    @Override
    public synchronized long discontinuitiesUpTo(String channelId, int seq) {
        return segments.stream().filter(s -> s.channelId().equals(channelId) && s.seq() <= seq && s.discontinuity()).count();
    }

    @Override
    public synchronized ReplayCheck replayCheck(String channelId, Duration grace, Instant now) {
        if (!ended.contains(channelId) || replays.containsKey(channelId)) {
            return ReplayCheck.of(ReplayCheck.State.NONE);
        }
        boolean publishing = publishes.stream().filter(s -> s.channelId().equals(channelId))
                .anyMatch(s -> s.endedAt() == null || s.endedAt().plus(grace).isAfter(now));
        boolean waiting = segments.stream().anyMatch(s -> s.channelId().equals(channelId) && !s.uploaded());
        if (publishing || waiting) {
            return ReplayCheck.of(ReplayCheck.State.WAIT);
        }
        return ReplayCheck.due(segments.stream().filter(s -> s.channelId().equals(channelId))
                .sorted(Comparator.comparingInt(Segment::seq)).toList());
    }

    @Override
    public synchronized boolean saveReplay(Replay replay) {
        return replays.putIfAbsent(replay.channelId(), replay) == null;
    }

    @Override
    public synchronized void saveThumbnail(Thumbnail thumbnail) {
        thumbnails.add(thumbnail);
    }

    /** A recorded segment as the database would hand it back (its id given, maybe uploaded), for tests of one part. */
    public static Segment row(long id, String publishId, String channelId, long number, int seq, boolean discontinuity,
                              Instant listedAt) {
        Segment segment = new Segment(publishId, channelId, "folder", number, seq, discontinuity, Duration.ofSeconds(2),
                ObjectKeys.segment("channels/" + channelId + "/", publishId, number), listedAt);
        set(segment, "id", id);
        return segment;
    }

    private static void set(Segment segment, String field, Object value) {
        try {
            Field f = Segment.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(segment, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
