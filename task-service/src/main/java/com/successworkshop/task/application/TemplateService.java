package com.successworkshop.task.application;

import com.successworkshop.task.application.TaskConfig;
import com.successworkshop.task.domain.TemplateCriteria;
import com.successworkshop.task.domain.TaskTemplate;
import com.successworkshop.task.domain.TemplateStatus;
import com.successworkshop.task.domain.Workload;
import com.successworkshop.task.application.TaskMapper;
import com.successworkshop.task.repository.TemplateRepository;
import com.successworkshop.kit.domain.ExpectedVersion;
import com.successworkshop.kit.problem.Problem;
import com.successworkshop.kit.problem.ProblemException;
import com.successworkshop.task.application.TaskViews.ImportReport;
import com.successworkshop.task.application.TaskViews.PageView;
import com.successworkshop.task.application.TaskViews.TemplateInput;
import com.successworkshop.task.application.TaskViews.TemplateView;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The FTOP task catalog: versioned templates, their life cycle and the bulk import. */
@ApplicationScoped
@Transactional
public class TemplateService {

    private static final Logger LOG = Logger.getLogger(TemplateService.class);

    @Inject
    TemplateRepository templates;
    @Inject
    EntityManager em;
    @Inject
    TaskConfig config;
    @Inject
    MeterRegistry registry;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageView<TemplateView> list(TemplateCriteria filter, int page, int size) {
        PanacheQuery<TaskTemplate> q = templates.search(filter).page(Page.of(page, size));
        return new PageView<>(q.list().stream().map(TaskMapper::view).toList(), page, size, q.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TemplateView> find(UUID id) {
        return templates.findByIdOptional(id).map(TaskMapper::view);
    }

    public TemplateView createDraft(TemplateInput in) {
        String key = TaskTemplate.key(in.process().trim(), in.ftopTaskId());
        if (templates.latest(key).isPresent()) {
            throw ProblemException.conflict("task-template.exists",
                    "Task " + in.ftopTaskId() + " of process " + in.process() + " exists; edit it to make a new version");
        }
        TaskTemplate t = fromInput(in, key, 1);
        templates.persist(t);
        return TaskMapper.view(t);
    }

    /** A draft is edited in place; a published or retired version stays as it is and the edit becomes a new draft version. */
    public TemplateView edit(UUID id, String ifMatch, TemplateInput in) {
        TaskTemplate t = load(id, ifMatch);
        if (!t.latest) {
            throw ProblemException.conflict("task-template.not-latest", "Only the latest version of a template can be edited");
        }
        if (in.ftopTaskId() != t.ftopTaskId || !in.process().trim().equals(t.process)) {
            throw ProblemException.invalid("ftopTaskId", "the task id and process of a template cannot change");
        }
        if (t.status == TemplateStatus.DRAFT) {
            apply(t, in);
            em.flush();
            return TaskMapper.view(t);
        }
        t.latest = false;
        em.flush();
        TaskTemplate next = fromInput(in, t.templateKey, t.templateVersion + 1);
        templates.persist(next);
        return TaskMapper.view(next);
    }

    /** Publishing a version retires the previously published one; engagements keep the version they were made from. */
    public TemplateView publish(UUID id, String ifMatch) {
        TaskTemplate t = load(id, ifMatch);
        if (t.status != TemplateStatus.DRAFT) {
            throw ProblemException.conflict("task-template.not-draft", "Only a DRAFT can be published; this version is " + t.status);
        }
        templates.published(t.templateKey).ifPresent(old -> {
            old.status = TemplateStatus.RETIRED;
            old.retiredAt = Instant.now();
            em.flush();
        });
        t.status = TemplateStatus.PUBLISHED;
        t.publishedAt = Instant.now();
        em.flush();
        return TaskMapper.view(t);
    }

    public TemplateView retire(UUID id, String ifMatch) {
        TaskTemplate t = load(id, ifMatch);
        if (t.status == TemplateStatus.RETIRED) {
            throw ProblemException.conflict("task-template.retired", "This version is already RETIRED");
        }
        t.status = TemplateStatus.RETIRED;
        t.retiredAt = Instant.now();
        em.flush();
        return TaskMapper.view(t);
    }

    /** All rows are validated first (400 with every bad line, nothing written); then everything is written in this one transaction. */
    public ImportReport importFile(String body, TemplateFile.Format format) {
        long started = System.nanoTime();
        TemplateFile.Parsed parsed = TemplateFile.parse(body, format);
        if (!parsed.errors().isEmpty()) {
            String lines = String.join(", ", parsed.errors().stream().map(Problem.FieldError::field).toList());
            throw new ProblemException(Problem.of(400, "import-invalid", "Bad Request",
                    parsed.errors().size() + " row(s) are not valid (" + lines + "); nothing was imported").withErrors(parsed.errors()));
        }
        Map<String, TaskTemplate> existing = templates.latestByKey(parsed.rows().stream().map(TemplateFile.Row::key).toList());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (TemplateFile.Row row : parsed.rows()) {
            TaskTemplate old = existing.get(row.key());
            int offset = row.dueOffsetDays() != null ? row.dueOffsetDays()
                    : old != null ? old.dueOffsetDays : config.importDefaultDueOffsetDays();
            TaskTemplate t = fromRow(row, offset, old == null ? 1 : old.templateVersion + 1);
            if (old == null) {
                templates.persist(t);
                created++;
            } else if (sameContent(old, t)) {
                unchanged++;
            } else {
                old.latest = false;
                retire(old);
                templates.published(row.key()).ifPresent(TemplateService::retire);
                em.flush();
                templates.persist(t);
                updated++;
            }
        }
        em.flush();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        registry.timer("task.template.import").record(Duration.ofNanos(System.nanoTime() - started));
        LOG.infof("Imported %d template rows (%s): %d created, %d updated, %d unchanged in %d ms",
                parsed.rows().size(), parsed.format(), created, updated, unchanged, millis);
        return new ImportReport(parsed.format().name(), parsed.rows().size(), created, updated, unchanged, millis);
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
        for (Object[] s : seeds) {
            String names = (String) s[3];
            TaskTemplate t = new TaskTemplate();
            t.workloads(Workload.parseNames(names));
            inserted += em.createNativeQuery("""
                            insert into task_template(id, template_key, template_version, ftop_task_id, name, mandatory, fasttrack_role,
                                all_services, services, service_names, process, phase, section, due_offset_days, status, latest, version,
                                created_at, published_at)
                            select :id, :key, 1, :ftop, :name, true, 'FastTrack Manager', :all, :services, :names, :process, 'Assess',
                                :section, :offset, 'PUBLISHED', true, 0, now(), now()
                            where not exists (select 1 from task_template where template_key = :key)
                            on conflict do nothing""")
                    .setParameter("id", UUID.randomUUID()).setParameter("key", TaskTemplate.key(p, (Integer) s[0]))
                    .setParameter("ftop", s[0]).setParameter("name", s[1]).setParameter("all", Workload.isAllServices(names))
                    .setParameter("services", t.services).setParameter("names", names).setParameter("process", p)
                    .setParameter("section", s[2]).setParameter("offset", s[4])
                    .executeUpdate();
        }
        return inserted;
    }

    private static void retire(TaskTemplate t) {
        if (t.status != TemplateStatus.RETIRED) {
            t.status = TemplateStatus.RETIRED;
            t.retiredAt = Instant.now();
        }
    }

    private TaskTemplate load(UUID id, String ifMatch) {
        TaskTemplate t = templates.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Task template " + id));
        ExpectedVersion.check(ifMatch, t.etag());
        return t;
    }

    private TaskTemplate fromInput(TemplateInput in, String key, int templateVersion) {
        TaskTemplate t = new TaskTemplate();
        t.id = UUID.randomUUID();
        t.templateKey = key;
        t.templateVersion = templateVersion;
        t.ftopTaskId = in.ftopTaskId();
        t.process = in.process().trim();
        t.status = TemplateStatus.DRAFT;
        t.latest = true;
        t.createdAt = Instant.now();
        apply(t, in);
        return t;
    }

    private static void apply(TaskTemplate t, TemplateInput in) {
        List<Workload> services = in.services() == null ? List.of() : in.services();
        boolean all = Boolean.TRUE.equals(in.allServices());
        if (!all && services.isEmpty()) {
            throw ProblemException.invalid("services", "name at least one workload code, or set allServices");
        }
        t.name = in.name().trim();
        t.mandatory = in.mandatory();
        t.fasttrackRole = in.fastTrackRole().trim();
        t.allServices = all;
        t.workloads(all ? List.of() : services);
        t.serviceNames = all ? Workload.ALL_SERVICES : String.join(" / ", services.stream().map(Enum::name).toList());
        t.phase = in.phase() == null || in.phase().isBlank() ? null : in.phase().trim();
        // Uncategorised tasks: a task not placed in the playbook flow.
        t.section = in.section() == null || in.section().isBlank() ? TemplateFile.UNCATEGORISED_SECTION : in.section().trim();
        t.dueOffsetDays = in.dueOffsetDays();
    }

    private static TaskTemplate fromRow(TemplateFile.Row row, int offset, int templateVersion) {
        TaskTemplate t = new TaskTemplate();
        t.id = UUID.randomUUID();
        t.templateKey = row.key();
        t.templateVersion = templateVersion;
        t.ftopTaskId = row.ftopTaskId();
        t.name = row.name();
        t.mandatory = row.mandatory();
        t.fasttrackRole = row.role();
        t.allServices = row.allServices();
        t.workloads(row.allServices() ? List.of() : row.services());
        t.serviceNames = row.serviceNames();
        t.process = row.process();
        t.phase = row.phase();
        t.section = row.section();
        t.dueOffsetDays = offset;
        t.status = TemplateStatus.PUBLISHED;
        t.latest = true;
        t.createdAt = Instant.now();
        t.publishedAt = t.createdAt;
        return t;
    }

    private static boolean sameContent(TaskTemplate a, TaskTemplate b) {
        return a.name.equals(b.name) && a.mandatory == b.mandatory && a.fasttrackRole.equals(b.fasttrackRole)
                && a.allServices == b.allServices && a.services.equals(b.services) && a.serviceNames.equals(b.serviceNames)
                && Objects.equals(a.phase, b.phase) && a.section.equals(b.section) && a.dueOffsetDays == b.dueOffsetDays;
    }
}
