package dev.onair.ingest.entity;

/**
 * OnAir ended a publish whose publisher may still be connected (the channel ended, the
 * key was rotated, or nginx listed a publisher OnAir does not know): once the transaction
 * commits, nginx must drop client {@code clientId} from stream {@code streamName}.
 */
public record PublisherEvicted(String streamName, String clientId, PublishEnd reason) {
}
