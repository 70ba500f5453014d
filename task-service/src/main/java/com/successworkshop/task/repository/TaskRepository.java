package com.successworkshop.task.repository;

import com.successworkshop.task.domain.TaskInstance;
import com.successworkshop.task.domain.TaskStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<TaskInstance, UUID> {

    public record Filter(String partnerId, UUID engagementId, TaskStatus status, Boolean mandatory, String section,
                         Boolean overdue, String assignee, boolean includeRetired) {
    }

    private static final List<TaskStatus> CLOSED = List.of(TaskStatus.COMPLETED, TaskStatus.NOT_APPLICABLE);

    /** Partner scoping lives in the query: another partner's task is simply not found. */
    public Optional<TaskInstance> findForPartner(UUID id, String partnerId) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResultOptional();
    }

    public Optional<TaskInstance> byKey(UUID engagementId, String dedupeKey) {
        return find("engagementId = ?1 and dedupeKey = ?2", engagementId, dedupeKey).firstResultOptional();
    }

    public List<TaskInstance> ofEngagement(UUID engagementId) {
        return list("engagementId", Sort.ascending("createdAt", "id"), engagementId);
    }

    public PanacheQuery<TaskInstance> search(Filter f, LocalDate today) {
        List<String> where = new ArrayList<>(List.of("partnerId = :partner"));
        Parameters p = Parameters.with("partner", f.partnerId());
        if (f.engagementId() != null) {
            where.add("engagementId = :engagement");
            p.and("engagement", f.engagementId());
        }
        if (!f.includeRetired()) {
            where.add("retiredAt is null");
        }
        if (f.status() != null) {
            where.add("status = :status");
            p.and("status", f.status());
        }
        if (f.mandatory() != null) {
            where.add("mandatory = :mandatory");
            p.and("mandatory", f.mandatory());
        }
        if (f.section() != null && !f.section().isBlank()) {
            where.add("lower(section) = lower(:section)");
            p.and("section", f.section().trim());
        }
        if (f.assignee() != null && !f.assignee().isBlank()) {
            where.add("lower(assignee) = lower(:assignee)");
            p.and("assignee", f.assignee().trim());
        }
        if (f.overdue() != null) {
            String overdue = "(retiredAt is null and dueDate is not null and dueDate < :today and status not in :closed)";
            where.add(f.overdue() ? overdue : "not " + overdue);
            p.and("today", today).and("closed", CLOSED);
        }
        return find(String.join(" and ", where), Sort.ascending("dueDate").and("createdAt").and("id"), p);
    }
}
