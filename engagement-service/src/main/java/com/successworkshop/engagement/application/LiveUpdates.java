package com.successworkshop.engagement.application;

import com.successworkshop.engagement.application.EngagementViews.TimelineEntryView;
import com.successworkshop.engagement.repository.TimelineFeed;
import com.successworkshop.engagement.repository.TimelineRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Live timeline for UIs (Server-Sent Events), the same on every replica: the TimelineFeed brings each committed entry
 * of the database, in id order, to every JVM. A stream subscribes to the feed first, then replays what the client
 * missed (after Last-Event-ID) from the table, then follows the feed; every entry passes one cursor, so an entry
 * committed in between arrives once and in order.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final int REPLAY_PAGE = 500;

    public record LiveEntry(String partnerId, UUID engagementId, TimelineEntryView entry) {
    }

    @Inject
    TimelineRepository timeline;
    @Inject
    TimelineFeed feed;

    /** Entries after {@code lastEventId} (replay), then live ones, of one engagement or (engagementId null) all the partner's. */
    public Multi<LiveEntry> stream(String partnerId, UUID engagementId, long lastEventId) {
        Follower follower = new Follower(partnerId, engagementId, lastEventId);
        Cancellable live = feed.batches().subscribe().with(follower::offer, follower::fail);
        try {
            if (lastEventId > 0) {
                List<LiveEntry> page;
                do {
                    page = replay(partnerId, engagementId, follower.cursor);
                    follower.replayed(page);
                } while (page.size() == REPLAY_PAGE);
            }
        } catch (RuntimeException e) {
            live.cancel();
            throw e;
        }
        return Multi.createFrom().emitter(emitter -> follower.attach(emitter, live));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<LiveEntry> replay(String partnerId, UUID engagementId, long after) {
        return timeline.after(partnerId, engagementId, after, REPLAY_PAGE).stream()
                .map(t -> new LiveEntry(partnerId, t.engagementId, EngagementMapper.view(t))).toList();
    }

    /** One stream's cursor: what the feed brings before the client is attached waits here, behind the replay. */
    private static final class Follower {
        private final String partnerId;
        private final UUID engagementId;
        private final List<LiveEntry> pending = new ArrayList<>();
        private long cursor;
        private MultiEmitter<? super LiveEntry> emitter;
        private Throwable failure;

        Follower(String partnerId, UUID engagementId, long lastEventId) {
            this.partnerId = partnerId;
            this.engagementId = engagementId;
            this.cursor = lastEventId;
        }

        synchronized void replayed(List<LiveEntry> page) {
            for (LiveEntry e : page) {
                accept(e.entry().id(), e);
            }
        }

        synchronized void offer(List<TimelineFeed.Committed> batch) {
            for (TimelineFeed.Committed c : batch) {
                if (c.partnerId().equals(partnerId) && (engagementId == null || engagementId.equals(c.entry().engagementId))) {
                    accept(c.entry().id, new LiveEntry(partnerId, c.entry().engagementId, EngagementMapper.view(c.entry())));
                }
            }
        }

        private void accept(long id, LiveEntry e) {
            if (id <= cursor) {
                return;
            }
            cursor = id;
            if (emitter == null) {
                pending.add(e);
            } else {
                emitter.emit(e);
            }
        }

        synchronized void fail(Throwable t) {
            if (emitter == null) {
                failure = t;
            } else {
                emitter.fail(t);
            }
        }

        synchronized void attach(MultiEmitter<? super LiveEntry> e, Cancellable live) {
            e.onTermination(live::cancel);
            pending.forEach(e::emit);
            pending.clear();
            if (failure != null) {
                e.fail(failure);
                return;
            }
            emitter = e;
        }
    }
}
