package com.successworkshop.task.repository;

import com.successworkshop.task.domain.TaskTemplate;
import com.successworkshop.task.domain.TemplateStatus;
import com.successworkshop.task.domain.Workload;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class TemplateRepository implements PanacheRepositoryBase<TaskTemplate, UUID> {

    public record Filter(Workload service, String section, Boolean mandatory, String role, TemplateStatus status,
                         String process, Integer ftopTaskId, boolean allVersions) {
    }

    public PanacheQuery<TaskTemplate> search(Filter f) {
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        Parameters p = new Parameters();
        if (!f.allVersions()) {
            where.add("latest = true");
        }
        if (f.service() != null) {
            where.add("(allServices = true or services like :service)");
            p.and("service", "%," + f.service().name() + ",%");
        }
        if (f.section() != null && !f.section().isBlank()) {
            where.add("lower(section) = lower(:section)");
            p.and("section", f.section().trim());
        }
        if (f.mandatory() != null) {
            where.add("mandatory = :mandatory");
            p.and("mandatory", f.mandatory());
        }
        if (f.role() != null && !f.role().isBlank()) {
            where.add("lower(fasttrackRole) = lower(:role)");
            p.and("role", f.role().trim());
        }
        if (f.status() != null) {
            where.add("status = :status");
            p.and("status", f.status());
        }
        if (f.process() != null && !f.process().isBlank()) {
            where.add("process = :process");
            p.and("process", f.process().trim());
        }
        if (f.ftopTaskId() != null) {
            where.add("ftopTaskId = :ftop");
            p.and("ftop", f.ftopTaskId());
        }
        return find(String.join(" and ", where), Sort.ascending("process", "ftopTaskId", "templateVersion"), p);
    }

    public Optional<TaskTemplate> latest(String key) {
        return find("templateKey = ?1 and latest = true", key).firstResultOptional();
    }

    public Optional<TaskTemplate> published(String key) {
        return find("templateKey = ?1 and status = ?2", key, TemplateStatus.PUBLISHED).firstResultOptional();
    }

    public Map<String, TaskTemplate> latestByKey(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return list("templateKey in ?1 and latest = true", keys).stream()
                .collect(Collectors.toMap(t -> t.templateKey, Function.identity()));
    }

    public List<TaskTemplate> publishedOfProcess(String process) {
        return list("process = ?1 and status = ?2", Sort.ascending("ftopTaskId"), process, TemplateStatus.PUBLISHED);
    }
}
