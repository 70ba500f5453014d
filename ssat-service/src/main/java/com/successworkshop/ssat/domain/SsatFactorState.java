package com.successworkshop.ssat.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One cell of the matrix: a success factor of a service, its status, gap or reason, owner and last change. */
@Entity
@Table(name = "ssat_factor_state")
public class SsatFactorState {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "service_id")
    public IntendedService service;

    @Enumerated(EnumType.STRING)
    public SsatFactor factor;
    @Enumerated(EnumType.STRING)
    public FactorStatus status;
    public String gap;
    public String reason;
    public String owner;
    public String changedBy;
    public Instant changedAt;
}
