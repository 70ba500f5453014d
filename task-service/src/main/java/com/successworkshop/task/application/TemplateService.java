package com.successworkshop.task.application;

import com.successworkshop.kit.application.PageView;
import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.ExpectedVersion;
import com.successworkshop.task.application.TaskViews.ImportReport;
import com.successworkshop.task.application.TaskViews.TemplateInput;
import com.successworkshop.task.application.TaskViews.TemplateView;
import com.successworkshop.task.domain.TaskTemplate;
import com.successworkshop.task.domain.TemplateCriteria;
import com.successworkshop.task.domain.Workload;
import com.successworkshop.task.repository.TemplateRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The FTOP task catalog: versioned templates, their life cycle and the bulk import (playbook: FTOP tasks). */
@ApplicationScoped
@Transactional
public class TemplateService {

    private static final Logger LOG = Logger.getLogger(TemplateService.class);

    @Inject
    TemplateRepository templates;
    @Inject
    UnitOfWork work;
    @Inject
    TaskConfig config;
    @Inject
    MeterRegistry registry;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<TemplateView> list(TemplateCriteria criteria, int page, int size) {
        return PageView.of(templates.search(criteria), page, size, TaskMapper::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TemplateView> find(UUID id) {
        return templates.findByIdOptional(id).map(TaskMapper::view);
    }

    public TemplateView createDraft(TemplateInput in) {
        TaskTemplate.Definition definition = definition(in);
        if (templates.latest(definition.key()).isPresent()) {
            throw DomainException.ruleViolated(TaskTemplate.EXISTS,
                    "Task " + in.ftopTaskId() + " of process " + in.process() + " exists; edit it to make a new version");
        }
        return TaskMapper.view(work.add(TaskTemplate.draft(definition, Instant.now())));
    }

    /** A draft is edited in place; a published or retired version stays as it is and the edit becomes a new draft version. */
    public TemplateView edit(UUID id, String ifMatch, TemplateInput in) {
        TaskTemplate current = load(id, ifMatch);
        TaskTemplate edited = current.edit(definition(in), Instant.now());
        // One latest version per template (a unique index): the current version gives that up, stored before the next.
        work.complete(current);
        return TaskMapper.view(edited == current ? current : work.add(edited));
    }

    /** Publishing a version retires the previously published one; engagements keep the version they were made from. */
    public TemplateView publish(UUID id, String ifMatch) {
        TaskTemplate draft = load(id, ifMatch);
        Instant now = Instant.now();
        draft.requireDraft();
        // One published version per template (a unique index): the one published so far is retired and stored first.
        templates.published(draft.templateKey).ifPresent(previous -> {
            previous.supersede(now);
            work.complete(previous);
        });
        draft.publish(now);
        return TaskMapper.view(work.complete(draft));
    }

    public TemplateView retire(UUID id, String ifMatch) {
        TaskTemplate t = load(id, ifMatch);
        t.retire(Instant.now());
        return TaskMapper.view(work.complete(t));
    }

    /** All rows are validated first (every bad line reported, nothing written); then everything is written in this one transaction. */
    public ImportReport importFile(String body, TemplateFile.Format format) {
        long started = System.nanoTime();
        TemplateFile.Parsed parsed = TemplateFile.parse(body, format);
        if (!parsed.errors().isEmpty()) {
            throw new DomainException.InvalidInput(parsed.errors());
        }
        Instant now = Instant.now();
        Map<String, TaskTemplate> existing = templates.latestByKey(parsed.rows().stream().map(TemplateFile.Row::key).toList());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (TemplateFile.Row row : parsed.rows()) {
            TaskTemplate old = existing.get(row.key());
            int offset = row.dueOffsetDays() != null ? row.dueOffsetDays()
                    : old != null ? old.dueOffsetDays : config.importDefaultDueOffsetDays();
            TaskTemplate t = TaskTemplate.imported(row.definition(offset), row.serviceNames(), old == null ? 1 : old.templateVersion + 1, now);
            if (old == null) {
                templates.persist(t);
                created++;
            } else if (old.sameDefinitionAs(t)) {
                unchanged++;
            } else {
                old.replaceByImport(now);
                templates.published(row.key()).ifPresent(published -> published.supersede(now));
                // One latest and one published version per template: the old ones are stored before the new one.
                templates.flush();
                templates.persist(t);
                updated++;
            }
        }
        templates.flush();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        registry.timer("task.template.import").record(took);
        LOG.infof("Imported %d template rows (%s): %d created, %d updated, %d unchanged in %d ms",
                parsed.rows().size(), parsed.format(), created, updated, unchanged, took.toMillis());
        return new ImportReport(parsed.format().name(), parsed.rows().size(), created, updated, unchanged, took.toMillis());
    }

    /** Seeds the six FTOP tasks of this playbook (FTOP tasks table); a restart, or a second replica, adds nothing. */
    public int seed() {
        String p = config.playbookProcess();
        String vad = "Value-Add Discussions";
        List<Object[]> seeds = List.of(
                // FTOP tasks: the first five belong to "Value-add discussions", 2536 to "Customer success workshop complete".
                new Object[]{3734, "Microsoft 365 Apps/Windows - Deliver App Assure (DAA) BVD", vad, "Microsoft 365 Apps / Windows 10", 28},
                new Object[]{3278, "Outlook Mobile - Deliver Pitch (ExO attach and EMS data protection attach)", vad, "Outlook Mobile / AADP / Exchange / Intune", 28},
                new Object[]{3718, "OneDrive - Deliver OneDrive Business Value Deck", vad, "OneDrive for Business", 28},
                new Object[]{3737, "SharePoint Online Business Value Workshop", vad, "SharePoint", 28},
                new Object[]{3738, "Microsoft 365 Apps - Deliver Pitch Deck", vad, "Microsoft 365 Apps", 28},
                new Object[]{2536, "Conduct Success Workshop", "Customer Success Workshop Complete", Workload.ALL_SERVICES, 21});
        int inserted = 0;
        Instant now = Instant.now();
        for (Object[] s : seeds) {
            String names = (String) s[3];
            var definition = new TaskTemplate.Definition((Integer) s[0], (String) s[1], true, "FastTrack Manager",
                    Workload.isAllServices(names), Workload.parseNames(names), p, "Assess", (String) s[2], (Integer) s[4]);
            inserted += templates.insertIfNew(TaskTemplate.imported(definition, names, 1, now));
        }
        return inserted;
    }

    private TaskTemplate load(UUID id, String ifMatch) {
        TaskTemplate t = templates.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Task template " + id));
        ExpectedVersion.check(ifMatch, t.etag());
        return t;
    }

    private static TaskTemplate.Definition definition(TemplateInput in) {
        return new TaskTemplate.Definition(in.ftopTaskId(), in.name(), in.mandatory(), in.fastTrackRole(),
                Boolean.TRUE.equals(in.allServices()), in.services(), in.process(), in.phase(), in.section(), in.dueOffsetDays());
    }
}
