package com.successworkshop.engagement.application;

import com.successworkshop.engagement.domain.TimelineEntry;
import com.successworkshop.engagement.application.EngagementMapper;
import com.successworkshop.engagement.repository.EngagementRepository;
import com.successworkshop.engagement.repository.TimelineRepository;
import com.successworkshop.engagement.application.EngagementViews.TimelineEntryView;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
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
    @Inject
    EngagementRepository engagements;

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
        List<TimelineEntry> entries = engagementId != null
                ? timeline.find("engagementId = :e and id > :last", Sort.ascending("id"), Parameters.with("e", engagementId).and("last", lastEventId))
                        .range(0, REPLAY_LIMIT - 1).list()
                : timeline.find("engagementId in (select e.id from Engagement e where e.partnerId = :p) and id > :last", Sort.ascending("id"),
                        Parameters.with("p", partnerId).and("last", lastEventId)).range(0, REPLAY_LIMIT - 1).list();
        return entries.stream().map(t -> new LiveEntry(partnerId, t.engagementId, EngagementMapper.view(t))).toList();
    }
}
