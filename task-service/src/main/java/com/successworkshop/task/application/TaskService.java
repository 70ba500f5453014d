package com.successworkshop.task.application;

import com.successworkshop.task.domain.TaskCriteria;
import com.successworkshop.task.domain.TaskInstance;
import com.successworkshop.task.domain.TaskStatus;
import com.successworkshop.task.application.TaskMapper;
import com.successworkshop.task.repository.EngagementRefRepository;
import com.successworkshop.task.repository.TaskRepository;
import com.successworkshop.kit.domain.ExpectedVersion;
import com.successworkshop.kit.problem.Problem;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.task.application.TaskViews.PageView;
import com.successworkshop.task.application.TaskViews.TaskPatch;
import com.successworkshop.task.application.TaskViews.TaskView;
import com.successworkshop.kit.security.CurrentPartner;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An engagement's tasks as the caller's partner sees and works them. */
@ApplicationScoped
@Transactional
public class TaskService {

    @Inject
    TaskRepository tasks;
    @Inject
    EngagementRefRepository engagements;
    @Inject
    TaskPublisher publisher;
    @Inject
    CurrentPartner caller;
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PageView<TaskView>> listForEngagement(TaskCriteria filter, int page, int size) {
        if (engagements.findForPartner(filter.engagementId(), caller.partnerId()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(page(filter, page, size));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<TaskView> page(TaskCriteria filter, int page, int size) {
        PanacheQuery<TaskInstance> q = tasks.search(filter, TaskMapper.today()).page(Page.of(page, size));
        return new PageView<>(q.list().stream().map(TaskMapper::view).toList(), page, size, q.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TaskView> find(UUID id) {
        return tasks.findForPartner(id, caller.partnerId()).map(TaskMapper::view);
    }

    public TaskView patch(UUID id, String ifMatch, TaskPatch patch, boolean ops) {
        TaskInstance t = tasks.findForPartner(id, caller.partnerId()).orElseThrow(() -> ProblemException.notFound("Task " + id));
        ExpectedVersion.check(ifMatch, t.etag());
        if (t.retiredAt != null) {
            throw ProblemException.conflict("task.retired", "This task was retired (its service is no longer intended) and cannot change");
        }
        boolean progressMayChange = false;
        TaskStatus previous = t.status;
        if (patch.status() != null && patch.status() != t.status) {
            move(t, patch.status(), patch.reason(), ops);
            progressMayChange = true;
        }
        if (patch.assignee() != null) {
            t.assignee = patch.assignee().isBlank() ? null : patch.assignee().trim();
        }
        if (patch.dueDate() != null && !patch.dueDate().equals(t.dueDate)) {
            t.dueDate = patch.dueDate();
            progressMayChange = true;
        }
        if (patch.notes() != null) {
            t.notes = patch.notes().isBlank() ? null : patch.notes();
        }
        // A new updatedAt makes the row dirty, so every accepted PATCH moves the version (ETag).
        t.updatedAt = Instant.now();
        if (previous != t.status) {
            publisher.statusChanged(t, previous, caller.actor());
        }
        if (progressMayChange) {
            publisher.progress(t.engagementId, t.partnerId);
        }
        em.flush();
        return TaskMapper.view(t);
    }

    private void move(TaskInstance t, TaskStatus next, String reason, boolean ops) {
        if (!t.status.canMoveTo(next)) {
            List<TaskStatus> allowed = t.status.allowedNext().stream().sorted().toList();
            throw new ProblemException(Problem.of(409, "invalid-transition", "Conflict",
                            "A task cannot move from " + t.status + " to " + next + "; allowed from " + t.status + ": "
                                    + (allowed.isEmpty() ? "none" : allowed.toString()))
                    .withRule("task.transition")
                    .withErrors(List.of(new Problem.FieldError("status", "allowed: " + allowed))));
        }
        boolean needsReason = next == TaskStatus.BLOCKED || next == TaskStatus.NOT_APPLICABLE;
        if (needsReason && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "a reason is required to set " + next);
        }
        if (next == TaskStatus.NOT_APPLICABLE && t.mandatory && !ops) {
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden",
                    "Only the ops role may set a mandatory task NOT_APPLICABLE").withRule("task.mandatory-not-applicable"));
        }
        t.status = next;
        t.statusReason = needsReason ? reason.trim() : null;
        if (next == TaskStatus.COMPLETED) {
            t.completedAt = Instant.now();
            t.completedBy = caller.actor();
        }
        if (Objects.equals(next, TaskStatus.NOT_STARTED)) {
            t.completedAt = null;
        }
    }
}
