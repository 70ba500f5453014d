package com.successworkshop.task.application;

import com.successworkshop.task.application.TaskViews.TaskView;
import com.successworkshop.task.application.TaskViews.TemplateView;
import com.successworkshop.task.domain.TaskInstance;
import com.successworkshop.task.domain.TaskTemplate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Entities never leave the application layer: they become these views. */
public final class TaskMapper {

    private TaskMapper() {
    }

    public static TemplateView view(TaskTemplate t) {
        return new TemplateView(t.id, t.ftopTaskId, t.templateVersion, t.name, t.mandatory, t.fasttrackRole, t.allServices,
                List.copyOf(t.workloads()), t.serviceNames, t.process, t.phase, t.section, t.dueOffsetDays, t.status, t.latest,
                t.createdAt, t.publishedAt, t.retiredAt, t.version());
    }

    public static TaskView view(TaskInstance i) {
        return new TaskView(i.id, i.engagementId, i.kind, i.ftopTaskId, i.templateId, i.templateVersion, i.name, i.mandatory,
                i.fasttrackRole, i.section, i.status, i.statusReason, i.allowedTransitions(), i.assignee, i.dueDate, i.overdue(today()),
                i.notes, i.completedAt, i.completedBy, i.completedByEvent, i.retiredAt, i.createdAt, i.updatedAt, i.version());
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
