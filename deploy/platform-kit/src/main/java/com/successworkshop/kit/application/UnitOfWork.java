package com.successworkshop.kit.application;

import com.successworkshop.kit.domain.AggregateRoot;
import com.successworkshop.kit.domain.DomainEvent;
import com.successworkshop.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The end of every use case that changed aggregates: what they raised goes to the outbox (and to the service's own
 * {@link EventRecorder}s, e.g. engagement-service's timeline) in the use case's transaction, and the changes are flushed
 * so that the returned view carries the new version (ETag). Written once here instead of in every use case.
 */
@ApplicationScoped
public class UnitOfWork {

    /** A service's own record of the events it raises (a timeline); called in the same transaction. */
    public interface EventRecorder {
        /** @param eventId the id the outbox gave the event (its CloudEvents {@code id}) */
        void record(DomainEvent event, UUID eventId);
    }

    @Inject
    OutboxWriter outbox;
    @Inject
    EntityManager em;
    @Inject
    @Any
    Instance<EventRecorder> recorders;

    @Transactional(Transactional.TxType.MANDATORY)
    public <A extends AggregateRoot> A complete(A aggregate) {
        publishOne(aggregate);
        em.flush();
        return aggregate;
    }

    /** Several aggregates changed by one use case, published in the order given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(AggregateRoot... aggregates) {
        for (AggregateRoot a : aggregates) {
            publishOne(a);
        }
        em.flush();
    }

    /**
     * For a use case that answers no one (an event consumer's): the raised events are published, the changes left for
     * the transaction's end, so that a batch of events is flushed once (the kit's EventBatches) rather than per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(AggregateRoot... aggregates) {
        for (AggregateRoot a : aggregates) {
            publishOne(a);
        }
    }

    /** A new aggregate that an event consumer opens: persisted and published, not flushed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <A extends AggregateRoot> A open(A aggregate) {
        em.persist(aggregate);
        publishOne(aggregate);
        return aggregate;
    }

    /** A new aggregate: persisted, then completed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <A extends AggregateRoot> A add(A aggregate) {
        em.persist(aggregate);
        return complete(aggregate);
    }

    private void publishOne(AggregateRoot aggregate) {
        for (DomainEvent e : aggregate.takeEvents()) {
            UUID eventId = outbox.append(e.name(), e.subject(), e.data());
            recorders.forEach(r -> r.record(e, eventId));
        }
    }
}
