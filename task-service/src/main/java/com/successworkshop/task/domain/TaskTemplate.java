package com.successworkshop.task.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** One version of an FTOP task template; templateKey (process + task id) is the same across versions. */
@Entity
@Table(name = "task_template")
public class TaskTemplate {

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
    @Version
    public long version;
    public Instant createdAt;
    public Instant publishedAt;
    public Instant retiredAt;

    public static String key(String process, int ftopTaskId) {
        return process + "#" + ftopTaskId;
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

    public String etag() {
        return "\"" + version + "\"";
    }
}
