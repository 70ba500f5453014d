package com.successworkshop.kit.domain;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;

import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate that raises the events its changes mean (eShop's domain events): a use case calls one of its methods,
 * which checks the playbook's rule, changes its state and raises the event; the unit of work then publishes what was
 * raised, in the same transaction. Nothing here is persistent.
 */
@MappedSuperclass
public abstract class AggregateRoot {

    @Transient
    private final transient List<DomainEvent> raised = new ArrayList<>();

    protected void raise(String name, Object subject, Object data) {
        raised.add(new DomainEvent(name, String.valueOf(subject), data));
    }

    /** The events raised since the last call, in order; the list is then empty. */
    public List<DomainEvent> takeEvents() {
        List<DomainEvent> out = List.copyOf(raised);
        raised.clear();
        return out;
    }
}
