package com.successworkshop.engagement.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A check-in that took place (playbook: Next steps — "review the completed success checklist" and "talk through progress
 * on the action items"): who came, notes, decisions, and the state of the plan and checklist it reviewed.
 */
@Entity
@Table(name = "check_in")
public class CheckIn {

    /** What the check-in reviewed, from the read model of ssat-service's plan events (nulls: nothing heard yet). */
    public record Review(Integer checklistVersion, Integer checklistCompletenessPercent, Integer planPercentDone,
                         Integer actionsOpen, Integer actionsOverdue) {
        public static final Review NOTHING_YET = new Review(null, null, null, null, null);
    }

    @Id
    private UUID id;
    private UUID engagementId;
    private LocalDate heldOn;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Attendee> attendees;
    private String notes;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> decisions;
    private Integer checklistVersion;
    private Integer checklistCompletenessPercent;
    private Integer planPercentDone;
    private Integer actionsOpen;
    private Integer actionsOverdue;
    private LocalDate nextDate;
    private String recordedBy;
    private Instant recordedAt;

    protected CheckIn() {
    }

    CheckIn(UUID engagementId, LocalDate heldOn, List<Attendee> attendees, String notes, List<String> decisions, Review review,
            LocalDate nextDate, String actor, Instant now) {
        this.id = UUID.randomUUID();
        this.engagementId = engagementId;
        this.heldOn = heldOn;
        this.attendees = List.copyOf(attendees);
        this.notes = notes;
        this.decisions = List.copyOf(decisions);
        this.checklistVersion = review.checklistVersion();
        this.checklistCompletenessPercent = review.checklistCompletenessPercent();
        this.planPercentDone = review.planPercentDone();
        this.actionsOpen = review.actionsOpen();
        this.actionsOverdue = review.actionsOverdue();
        this.nextDate = nextDate;
        this.recordedBy = actor;
        this.recordedAt = now;
    }

    public UUID id() { return id; }
    public UUID engagementId() { return engagementId; }
    public LocalDate heldOn() { return heldOn; }
    public List<Attendee> attendees() { return attendees; }
    public String notes() { return notes; }
    public List<String> decisions() { return decisions; }
    public Review review() {
        return new Review(checklistVersion, checklistCompletenessPercent, planPercentDone, actionsOpen, actionsOverdue);
    }
    public LocalDate nextDate() { return nextDate; }
    public String recordedBy() { return recordedBy; }
    public Instant recordedAt() { return recordedAt; }
}
