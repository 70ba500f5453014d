package com.successworkshop.task.domain;

import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.domain.VersionedAggregate;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One version of an FTOP task template; templateKey (process + task id) is the same across versions. A DRAFT is edited in
 * place; a published version never changes: editing it makes the next DRAFT version, and publishing that retires it.
 */
@Entity
@Table(name = "task_template")
public class TaskTemplate extends VersionedAggregate {

    public static final String EXISTS = "task-template.exists";
    public static final String NOT_LATEST = "task-template.not-latest";
    public static final String NOT_DRAFT = "task-template.not-draft";
    public static final String ALREADY_RETIRED = "task-template.retired";
    /** Playbook: Uncategorised tasks — FTOP tasks not yet placed in the playbook flow. */
    public static final String UNCATEGORISED_SECTION = "Uncategorised";

    @Id
    public UUID id;
    public String templateKey;
    public int templateVersion;
    public int ftopTaskId;
    public String name;
    public boolean mandatory;
    public String fasttrackRole;
    public boolean allServices;
    public String services;
    public String serviceNames;
    public String process;
    public String phase;
    public String section;
    public int dueOffsetDays;
    @Enumerated(EnumType.STRING)
    public TemplateStatus status;
    public boolean latest;
    public Instant createdAt;
    public Instant publishedAt;
    public Instant retiredAt;

    /** A template version as a catalog admin or the FTOP export describes it. */
    public record Definition(int ftopTaskId, String name, boolean mandatory, String fastTrackRole, boolean allServices,
                             Collection<Workload> services, String process, String phase, String section, int dueOffsetDays) {
        public String key() {
            return TaskTemplate.key(process.trim(), ftopTaskId);
        }
    }

    public static String key(String process, int ftopTaskId) {
        return process + "#" + ftopTaskId;
    }

    /** A new template: version 1, a DRAFT. */
    public static TaskTemplate draft(Definition d, Instant now) {
        return draft(d, d.key(), 1, now);
    }

    private static TaskTemplate draft(Definition d, String key, int templateVersion, Instant now) {
        TaskTemplate t = new TaskTemplate();
        t.id = UUID.randomUUID();
        t.templateKey = key;
        t.templateVersion = templateVersion;
        t.ftopTaskId = d.ftopTaskId();
        t.process = d.process().trim();
        t.status = TemplateStatus.DRAFT;
        t.latest = true;
        t.createdAt = now;
        t.describe(d);
        return t;
    }

    /** A version of the FTOP export, published as it is read; {@code serviceNames} as the export spells them. */
    public static TaskTemplate imported(Definition d, String serviceNames, int templateVersion, Instant now) {
        TaskTemplate t = new TaskTemplate();
        t.id = UUID.randomUUID();
        t.templateKey = key(d.process(), d.ftopTaskId());
        t.templateVersion = templateVersion;
        t.ftopTaskId = d.ftopTaskId();
        t.name = d.name();
        t.mandatory = d.mandatory();
        t.fasttrackRole = d.fastTrackRole();
        t.allServices = d.allServices();
        t.workloads(d.allServices() ? List.of() : d.services());
        t.serviceNames = serviceNames;
        t.process = d.process();
        t.phase = d.phase();
        t.section = d.section();
        t.dueOffsetDays = d.dueOffsetDays();
        t.status = TemplateStatus.PUBLISHED;
        t.latest = true;
        t.createdAt = now;
        t.publishedAt = now;
        return t;
    }

    /**
     * Only the latest version is edited, and never its task id or process. A DRAFT changes in place (this is returned);
     * a published or retired version stays as it is and the edit becomes the next DRAFT version (returned, not yet stored).
     */
    public TaskTemplate edit(Definition d, Instant now) {
        if (!latest) {
            throw DomainException.ruleViolated(NOT_LATEST, "Only the latest version of a template can be edited");
        }
        if (d.ftopTaskId() != ftopTaskId || !d.process().trim().equals(process)) {
            throw DomainException.invalid("ftopTaskId", "the task id and process of a template cannot change");
        }
        if (status == TemplateStatus.DRAFT) {
            describe(d);
            return this;
        }
        latest = false;
        return draft(d, templateKey, templateVersion + 1, now);
    }

    /** Only a DRAFT can be published. */
    public void requireDraft() {
        if (status != TemplateStatus.DRAFT) {
            throw DomainException.ruleViolated(NOT_DRAFT, "Only a DRAFT can be published; this version is " + status);
        }
    }

    /** The previously published version is retired first ({@link #supersede}); engagements keep the version they were made from. */
    public void publish(Instant now) {
        requireDraft();
        status = TemplateStatus.PUBLISHED;
        publishedAt = now;
    }

    /** Running engagements keep their tasks; no new engagement gets this version. */
    public void retire(Instant now) {
        if (status == TemplateStatus.RETIRED) {
            throw DomainException.ruleViolated(ALREADY_RETIRED, "This version is already RETIRED");
        }
        supersede(now);
    }

    /** A newer version was published: this one is retired, if it is not already. */
    public void supersede(Instant now) {
        if (status != TemplateStatus.RETIRED) {
            status = TemplateStatus.RETIRED;
            retiredAt = now;
        }
    }

    /** A changed row of the FTOP export replaces this latest version: it is retired and no longer the latest. */
    public void replaceByImport(Instant now) {
        latest = false;
        supersede(now);
    }

    /** Whether the two versions say the same (an import that changes nothing makes no version). */
    public boolean sameDefinitionAs(TaskTemplate b) {
        return name.equals(b.name) && mandatory == b.mandatory && fasttrackRole.equals(b.fasttrackRole)
                && allServices == b.allServices && services.equals(b.services) && serviceNames.equals(b.serviceNames)
                && Objects.equals(phase, b.phase) && section.equals(b.section) && dueOffsetDays == b.dueOffsetDays;
    }

    public Set<Workload> workloads() {
        return Arrays.stream(services.split(",")).filter(s -> !s.isBlank()).map(Workload::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void workloads(Collection<Workload> codes) {
        services = codes.isEmpty() ? "," : "," + codes.stream().map(Enum::name).collect(Collectors.joining(",")) + ",";
    }

    /** The playbook's matching: "all services" always; otherwise one intended service must be among the template's. */
    public boolean appliesTo(Set<Workload> intended) {
        return allServices || workloads().stream().anyMatch(intended::contains);
    }

    /** A template applies to all services, or names at least one workload code; no section places it in Uncategorised tasks. */
    private void describe(Definition d) {
        Collection<Workload> codes = d.services() == null ? List.of() : d.services();
        if (!d.allServices() && codes.isEmpty()) {
            throw DomainException.invalid("services", "name at least one workload code, or set allServices");
        }
        name = d.name().trim();
        mandatory = d.mandatory();
        fasttrackRole = d.fastTrackRole().trim();
        allServices = d.allServices();
        workloads(allServices ? List.of() : codes);
        serviceNames = allServices ? Workload.ALL_SERVICES : String.join(" / ", codes.stream().map(Enum::name).toList());
        phase = d.phase() == null || d.phase().isBlank() ? null : d.phase().trim();
        section = d.section() == null || d.section().isBlank() ? UNCATEGORISED_SECTION : d.section().trim();
        dueOffsetDays = d.dueOffsetDays();
    }
}
