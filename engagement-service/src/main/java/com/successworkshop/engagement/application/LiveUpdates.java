package com.successworkshop.engagement.application;

import com.successworkshop.engagement.application.EngagementViews.TimelineEntryView;
import com.successworkshop.engagement.repository.TimelineRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Live timeline for UIs (Server-Sent Events). Entries are broadcast once committed; a client that reconnects with
 * Last-Event-ID gets what it missed from the timeline table first, so nothing is lost between connections.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final int REPLAY_LIMIT = 500;

    public record LiveEntry(String partnerId, UUID engagementId, TimelineEntryView entry) {
    }

    private final BroadcastProcessor<LiveEntry> live = BroadcastProcessor.create();

    @Inject
    TimelineRepository timeline;

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) TimelineRepository.TimelineRecorded recorded) {
        live.onNext(new LiveEntry(recorded.partnerId(), recorded.entry().engagementId, EngagementMapper.view(recorded.entry())));
    }

    /** Entries after {@code lastEventId} (replay), then live ones, of one engagement or (engagementId null) all the partner's. */
    public Multi<LiveEntry> stream(String partnerId, UUID engagementId, long lastEventId) {
        List<LiveEntry> missed = replay(partnerId, engagementId, lastEventId);
        long replayedUpTo = missed.isEmpty() ? lastEventId : missed.get(missed.size() - 1).entry().id();
        Multi<LiveEntry> upcoming = live.toHotStream()
                .filter(e -> e.partnerId().equals(partnerId) && (engagementId == null || engagementId.equals(e.engagementId())))
                .filter(e -> e.entry().id() > replayedUpTo);
        return Multi.createBy().concatenating().streams(Multi.createFrom().iterable(missed), upcoming);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<LiveEntry> replay(String partnerId, UUID engagementId, long lastEventId) {
        if (lastEventId <= 0) {
            return List.of();
        }
        return timeline.after(partnerId, engagementId, lastEventId, REPLAY_LIMIT).stream()
                .map(t -> new LiveEntry(partnerId, t.engagementId, EngagementMapper.view(t))).toList();
    }
}
