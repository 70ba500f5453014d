package com.successworkshop.task.repository;

import com.successworkshop.kit.persistence.Where;
import com.successworkshop.task.domain.TaskCriteria;
import com.successworkshop.task.domain.TaskInstance;
import com.successworkshop.task.domain.TaskStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<TaskInstance, UUID> {

    private static final List<TaskStatus> CLOSED = List.of(TaskStatus.COMPLETED, TaskStatus.NOT_APPLICABLE);

    /** Partner scoping lives in the query: another partner's task is simply not found. */
    public Optional<TaskInstance> find(UUID id) {
        return findByIdOptional(id);
    }

    public Optional<TaskInstance> byKey(UUID engagementId, String dedupeKey) {
        return find("engagementId = ?1 and dedupeKey = ?2", engagementId, dedupeKey).firstResultOptional();
    }

    public List<TaskInstance> ofEngagement(UUID engagementId) {
        return list("engagementId", Sort.ascending("createdAt", "id"), engagementId);
    }

    public PanacheQuery<TaskInstance> search(TaskCriteria f, LocalDate today) {
        String overdue = "(retiredAt is null and dueDate is not null and dueDate < :today and status not in :closed)";
        Where w = Where.all().and("engagementId = :engagement", "engagement", f.engagementId())
                .andIf(!f.includeRetired(), "retiredAt is null")
                .and("status = :status", "status", f.status())
                .and("mandatory = :mandatory", "mandatory", f.mandatory())
                .and("lower(section) = lower(:section)", "section", f.section())
                .and("lower(assignee) = lower(:assignee)", "assignee", f.assignee());
        if (f.overdue() != null) {
            w.and(f.overdue() ? overdue : "not " + overdue).with("today", today).with("closed", CLOSED);
        }
        return find(w.clause(), Sort.ascending("dueDate").and("createdAt").and("id"), w.params());
    }
}
