package com.successworkshop.kit.domain;

/**
 * Something that happened to an aggregate, raised by the aggregate itself when its rule allowed the change: its name
 * ("WorkshopScheduled"; the contract version is added on the way out), the engagement it concerns and its data.
 */
public record DomainEvent(String name, String subject, Object data) {
}
