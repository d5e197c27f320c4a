package dev.onair.feed.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last number the feed gave out: its one row is what serializes the sequencer, on one node or several. */
@Entity
@Cacheable(false)
@Table(name = "feed_sequence")
public class FeedSequence {

    public static final String FEED = "feed";

    @Id
    @Column(name = "name", length = 20)
    private String name;

    @Column(name = "last_number", nullable = false)
    private long last;

    protected FeedSequence() {
    }

    /** The next number, counted as given. */
    public long next() {
        return ++last;
    }

    public long last() { return last; }
}
