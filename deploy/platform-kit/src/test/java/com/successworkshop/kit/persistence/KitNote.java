package com.successworkshop.kit.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;

import java.util.UUID;

/** A partner-owned row of the kit's test app, under the partner filter as every service's partner-owned entity is. */
@Entity
@Table(name = "kit_note")
@Filter(name = PartnerScope.FILTER)
public class KitNote {
    @Id
    public UUID id;
    @jakarta.persistence.Column(name = "partner_id")
    public String partnerId;
    public String text;
}
