package com.successworkshop.task.application;

import com.successworkshop.task.domain.TaskInstance;
import com.successworkshop.task.domain.TaskStatus;
import com.successworkshop.task.application.TaskMapper;
import com.successworkshop.kit.outbox.OutboxWriter;
import com.successworkshop.task.domain.TaskEvents;
import com.successworkshop.task.repository.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Writes task-events to the outbox in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TaskPublisher {

    @Inject
    OutboxWriter outbox;
    @Inject
    TaskRepository tasks;
    @Inject
    EntityManager em;

    public void statusChanged(TaskInstance t, TaskStatus previous, String changedBy) {
        outbox.append("TaskStatusChanged", t.engagementId.toString(), new TaskEvents.TaskStatusChanged(t.engagementId, t.partnerId,
                t.id, t.kind, t.ftopTaskId, t.name, t.mandatory, previous, t.status, t.statusReason, changedBy, Instant.now()));
    }

    /** Mandatory done / total (a mandatory task set NOT_APPLICABLE by ops leaves the total) and the overdue count. */
    public TaskEvents.TaskProgressChanged progress(UUID engagementId, String partnerId) {
        em.flush();
        List<TaskInstance> all = tasks.list("engagementId = ?1 and retiredAt is null", engagementId);
        LocalDate today = TaskMapper.today();
        int total = (int) all.stream().filter(t -> t.mandatory && t.status != TaskStatus.NOT_APPLICABLE).count();
        int done = (int) all.stream().filter(t -> t.mandatory && t.status == TaskStatus.COMPLETED).count();
        int overdue = (int) all.stream().filter(t -> t.overdue(today)).count();
        TaskEvents.TaskProgressChanged p = new TaskEvents.TaskProgressChanged(engagementId, partnerId, done, total, overdue);
        outbox.append("TaskProgressChanged", engagementId.toString(), p);
        return p;
    }
}
