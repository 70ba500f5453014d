package com.successworkshop.kit.consumer;

import java.util.Set;
import java.util.UUID;

/**
 * What a service does with the events of one topic. The kit calls it inside the batch's transaction, after the inbox
 * has recorded the event, so the effect and the inbox row commit together.
 */
public interface EventHandler {

    /** The full CloudEvents types this consumer acts on, version included ("workshop.engagement.EngagementCreated.v1"). */
    Set<String> handles();

    /** Applies one event; throws {@link IncomingEvent.PoisonMessageException} for an event that can never apply. */
    void apply(IncomingEvent event);

    /**
     * The one order policy for events that arrive before their engagement (a consumer that started late, a replay):
     * such events are parked and applied, in order, right after the engagement's opening event. Null: no such order.
     */
    default EngagementOrder engagementOrder() {
        return null;
    }

    /**
     * @param openingType the event that makes an engagement known here
     * @param table       the table holding a row per engagement known here; the kit asks it once per batch which of the
     *                    batch's engagements it holds ({@link NewEngagements})
     * @param idColumn    that table's column of engagement ids
     */
    record EngagementOrder(String openingType, String table, String idColumn) {
        public EngagementOrder(String openingType, String table) {
            this(openingType, table, "engagement_id");
        }
    }
}
