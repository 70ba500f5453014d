package com.successworkshop.task.repository;

import com.successworkshop.task.domain.TaskTemplate;
import com.successworkshop.task.domain.TemplateCriteria;
import com.successworkshop.task.domain.TemplateStatus;
import com.successworkshop.kit.persistence.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class TemplateRepository implements PanacheRepositoryBase<TaskTemplate, UUID> {

    public PanacheQuery<TaskTemplate> search(TemplateCriteria f) {
        Where w = Where.all().andIf(!f.allVersions(), "latest = true")
                .and("(allServices = true or services like :service)", "service", f.service() == null ? null : "%," + f.service().name() + ",%")
                .and("lower(section) = lower(:section)", "section", f.section())
                .and("mandatory = :mandatory", "mandatory", f.mandatory())
                .and("lower(fasttrackRole) = lower(:role)", "role", f.role())
                .and("status = :status", "status", f.status())
                .and("process = :process", "process", f.process())
                .and("ftopTaskId = :ftop", "ftop", f.ftopTaskId());
        return find(w.clause(), Sort.ascending("process", "ftopTaskId", "templateVersion"), w.params());
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
