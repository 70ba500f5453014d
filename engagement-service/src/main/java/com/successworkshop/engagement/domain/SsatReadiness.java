package com.successworkshop.engagement.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Read model of ssat-service's SsatReadinessChanged: the workshop-completion gate reads it. */
@Entity
@Table(name = "ssat_readiness")
public class SsatReadiness {

    /** Outcomes' gate refused: SSAT is not recorded for these intended services (409 with one error per service). */
    public static final class NotRecorded extends RuntimeException {

        public static final String RULE = "outcomes.ssat-recorded-for-every-intended-service";
        public static final String WHAT_TO_DO = "SSAT not recorded: set every factor or mark the service as having no prerequisites";

        private final List<String> missingServices;

        NotRecorded(List<String> missingServices, SsatReadiness asOf) {
            super("SSAT is not recorded for every intended service (playbook: Outcomes). Missing: " + String.join(", ", missingServices)
                    + ". This view is eventually consistent: " + (asOf == null
                    ? "no SSAT readiness has been received from ssat-service yet"
                    : "as of the last SSAT event received at " + asOf.lastEventAt) + ".");
            this.missingServices = List.copyOf(missingServices);
        }

        public String rule() {
            return RULE;
        }

        public List<String> missingServices() {
            return missingServices;
        }
    }

    /** What one SsatReadinessChanged reports: how many intended services have SSAT recorded, which do not, and the gaps. */
    @Embeddable
    public record Reported(int servicesRecorded, int servicesTotal, boolean allRecorded,
                           @JdbcTypeCode(SqlTypes.JSON) List<String> missingServices, int gaps) {

        public Reported {
            // A copy, not List.copyOf: an event naming a null service is applied as before, not refused here.
            missingServices = Collections.unmodifiableList(new ArrayList<>(missingServices));
        }
    }

    @Id
    private UUID engagementId;
    @Embedded
    private Reported reported;
    private Instant lastEventAt;

    protected SsatReadiness() {
    }

    public SsatReadiness(UUID engagementId) {
        this.engagementId = engagementId;
        this.reported = new Reported(0, 0, false, List.of(), 0);
    }

    /** The readiness an event reports; an older event than the one applied changes nothing (false). */
    public boolean apply(Instant eventTime, Reported readiness) {
        if (lastEventAt != null && lastEventAt.isAfter(eventTime)) {
            return false;
        }
        reported = readiness;
        lastEventAt = eventTime;
        return true;
    }

    /**
     * The intended services whose SSAT is not recorded as of the last event: none when ssat-service counts them all;
     * those it reports missing; all of them when it reports none of these (e.g. a service added since).
     */
    public List<String> missingOf(List<String> intended) {
        if (reported.allRecorded() && reported.servicesTotal() >= intended.size()) {
            return List.of();
        }
        List<String> missing = intended.stream().filter(reported.missingServices()::contains).toList();
        return missing.isEmpty() ? intended : missing;
    }

    /** Outcomes: the FM confirms SSAT of every intended service (or why there is none); null: nothing heard yet. */
    static void requireRecorded(SsatReadiness readiness, List<String> intended) {
        List<String> missing = readiness == null ? intended : readiness.missingOf(intended);
        if (!missing.isEmpty()) {
            throw new NotRecorded(missing, readiness);
        }
    }

    public UUID engagementId() {
        return engagementId;
    }

    public Reported reported() {
        return reported;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }
}
