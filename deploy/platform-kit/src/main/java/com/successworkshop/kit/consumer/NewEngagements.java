package com.successworkshop.kit.consumer;

import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The engagements of the batch in hand that this service did not hold when the batch began and that no event of the
 * batch has opened since. The kit asks once per batch (one statement, {@link EventHandler.EngagementOrder}); a consumer
 * of an opening event asks {@link EventConsumer#newHere} instead of looking the engagement up itself (catch-up profiles:
 * one round trip per event, most of a consumer's time). Outside a batch it holds nothing, so a caller looks up as before.
 */
@TransactionScoped
public class NewEngagements implements Serializable {

    private final Set<UUID> absent = new HashSet<>();

    /** True when the engagement is not held here yet: its opening event creates it, nothing needs reading back. */
    boolean contains(UUID engagementId) {
        return absent.contains(engagementId);
    }

    void addAll(Collection<UUID> engagementIds) {
        absent.addAll(engagementIds);
    }

    /** Its opening event has been applied: from now on the engagement is held here. */
    void opened(UUID engagementId) {
        absent.remove(engagementId);
    }
}
