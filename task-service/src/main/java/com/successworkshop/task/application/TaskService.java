package com.successworkshop.task.application;

import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.ExpectedVersion;
import com.successworkshop.kit.security.CurrentPartner;
import com.successworkshop.task.application.TaskViews.TaskPatch;
import com.successworkshop.task.application.TaskViews.TaskView;
import com.successworkshop.task.domain.EngagementRef;
import com.successworkshop.task.domain.TaskCriteria;
import com.successworkshop.task.domain.TaskInstance;
import com.successworkshop.task.repository.EngagementRefRepository;
import com.successworkshop.task.repository.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
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
    CurrentPartner caller;
    @Inject
    UnitOfWork work;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PageView<TaskView>> listForEngagement(TaskCriteria criteria, int page, int size) {
        if (engagements.find(criteria.engagementId()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(page(criteria, page, size));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<TaskView> page(TaskCriteria criteria, int page, int size) {
        return PageView.of(tasks.search(criteria, TaskMapper.today()), page, size, TaskMapper::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TaskView> find(UUID id) {
        return tasks.find(id).map(TaskMapper::view);
    }

    /** The FM works a task: its status along the state machine, its assignee, due date or notes; progress follows. */
    public TaskView update(UUID id, String ifMatch, TaskPatch patch, boolean byOps) {
        TaskInstance task = tasks.find(id).orElseThrow(() -> DomainException.notFound("Task " + id));
        ExpectedVersion.check(ifMatch, task.etag());
        var change = new TaskInstance.Change(patch.status(), patch.reason(), patch.assignee(), patch.dueDate(), patch.notes());
        if (task.change(change, caller.actor(), byOps, Instant.now())) {
            EngagementRef engagement = engagements.findById(task.engagementId);
            engagement.reportProgress(tasks.ofEngagement(task.engagementId), TaskMapper.today());
            work.complete(task, engagement);
        } else {
            work.complete(task);
        }
        return TaskMapper.view(task);
    }
}
