package com.successworkshop.ssat.domain;

import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.VersionedAggregate;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import java.util.List;
import java.util.UUID;

/**
 * The success-plan checklist of one engagement (playbook: Outcomes; Next steps — check-ins "review the completed success
 * checklist"). Every change raises the revision, so a check-in can record which state of it was reviewed.
 */
@Entity
@Table(name = "success_checklist")
public class SuccessChecklist extends VersionedAggregate {

    @Id
    private UUID engagementId;
    private int revision;
    private Instant updatedAt;

    /** Only the items changed at least once: an item without a row is OPEN (a new checklist writes one row, not eleven). */
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "engagement_id", nullable = false)
    private List<Entry> items = new ArrayList<>();

    protected SuccessChecklist() {
    }

    /** Every item open, revision 0: the checklist exists from the moment the engagement's matrix does (its row from its first change). */
    public static SuccessChecklist open(UUID engagementId, Instant now) {
        SuccessChecklist c = new SuccessChecklist();
        c.engagementId = engagementId;
        c.updatedAt = now;
        return c;
    }

    /** One item checked, marked not applicable (with a reason) or reopened. */
    public void mark(ChecklistItem item, ChecklistState state, String reason, String actor, Instant now, String partnerId) {
        if (state == ChecklistState.NOT_APPLICABLE && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reason", "an item NOT_APPLICABLE needs a reason");
        }
        Entry e = changed(item).orElseGet(() -> new Entry(item, true));
        if (e.state == state && (state != ChecklistState.NOT_APPLICABLE || reason.trim().equals(e.reason))) {
            return;
        }
        if (!items.contains(e)) {
            items.add(e);
        }
        e.state = state;
        e.reason = state == ChecklistState.NOT_APPLICABLE ? reason.trim() : null;
        e.changedBy = state == ChecklistState.OPEN ? null : actor;
        e.changedAt = state == ChecklistState.OPEN ? null : now;
        revision++;
        updatedAt = now;
        raise("SuccessChecklistChanged", engagementId, new SsatEvents.SuccessChecklistChanged(engagementId, partnerId, revision,
                ChecklistItem.values().length, count(ChecklistState.CHECKED), count(ChecklistState.NOT_APPLICABLE), completenessPercent(), actor, now));
    }

    /** Checked and not-applicable items over all items, in whole percent. */
    public int completenessPercent() {
        return Math.round(100f * (count(ChecklistState.CHECKED) + count(ChecklistState.NOT_APPLICABLE)) / ChecklistItem.values().length);
    }

    public int count(ChecklistState state) {
        return (int) items().stream().filter(e -> e.state == state).count();
    }

    private Optional<Entry> changed(ChecklistItem item) {
        return items.stream().filter(e -> e.item == item).findFirst();
    }

    /** Every item of the checklist in the playbook's order; one never changed is OPEN (and has no row). */
    public List<Entry> items() {
        return Arrays.stream(ChecklistItem.values()).map(i -> changed(i).orElseGet(() -> new Entry(i, false))).toList();
    }

    public UUID engagementId() { return engagementId; }
    public int revision() { return revision; }
    public Instant updatedAt() { return updatedAt; }

    @Entity
    @Table(name = "success_checklist_item")
    public static class Entry {
        @Id
        private UUID id;
        @Enumerated(EnumType.STRING)
        private ChecklistItem item;
        @Enumerated(EnumType.STRING)
        private ChecklistState state;
        private String reason;
        private String changedBy;
        private Instant changedAt;

        protected Entry() {
        }

        /** An item's row ({@code row}) gets an id; an unchanged item is only read, as OPEN, and needs none. */
        Entry(ChecklistItem item, boolean row) {
            this.id = row ? UUID.randomUUID() : null;
            this.item = item;
            this.state = ChecklistState.OPEN;
        }

        public ChecklistItem item() { return item; }
        public ChecklistState state() { return state; }
        public String reason() { return reason; }
        public String changedBy() { return changedBy; }
        public Instant changedAt() { return changedAt; }
    }
}
