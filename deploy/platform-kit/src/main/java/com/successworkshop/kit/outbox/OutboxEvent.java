package com.successworkshop.kit.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** An event written in the same transaction as the change it describes; the relay sends it later. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    /** Insertion order, so that the relay keeps each engagement's events in order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    /** The Kafka key and CloudEvents subject: the engagement id (catalog events: the record id). */
    public String subject;

    public String type;

    public String source;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    /** W3C traceparent of the request that wrote the event, so the trace follows it through Kafka. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "sent_at")
    public Instant sentAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
