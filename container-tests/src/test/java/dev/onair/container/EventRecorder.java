package dev.onair.container;

import dev.onair.channels.entity.ChannelOpened;
import dev.onair.channels.entity.StreamEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A web-module observer of the EJB module's channel and stream events, as any later reaction would be. */
@ApplicationScoped
public class EventRecorder {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    void onChannelOpened(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelOpened event) {
        events.add(event);
    }

    void onStreamEvent(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamEvent event) {
        events.add(event);
    }

    public List<Object> eventsOf(String channelId) {
        return events.stream().filter(e -> channelId.equals(e instanceof ChannelOpened o ? o.channelId()
                : e instanceof StreamEvent stream ? stream.channelId() : null)).toList();
    }
}
