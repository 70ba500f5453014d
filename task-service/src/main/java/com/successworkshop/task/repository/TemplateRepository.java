package com.successworkshop.task.repository;

import com.successworkshop.kit.persistence.ReadMostly;
import com.successworkshop.kit.persistence.Where;
import com.successworkshop.task.domain.TaskTemplate;
import com.successworkshop.task.domain.TemplateCriteria;
import com.successworkshop.task.domain.TemplateStatus;
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

    /** Versions are never deleted, and every change raises @Version: count and summed version change with any write. */
    private final ReadMostly<TaskTemplate> published = ReadMostly.versioned("task_template",
            session -> session.createQuery("from TaskTemplate where status = :s order by ftopTaskId", TaskTemplate.class)
                    .setParameter("s", TemplateStatus.PUBLISHED).getResultList());

    /** Every event of an engagement needs them: from memory unless a template changed (read-only: do not change them). */
    public List<TaskTemplate> publishedOfProcess(String process) {
        return published.current(getEntityManager()).stream().filter(t -> process.equals(t.process)).toList();
    }

    /** Adds the version unless its template is known already: a restart, or a second replica seeding at once, adds nothing. */
    public int insertIfNew(TaskTemplate t) {
        return getEntityManager().createNativeQuery("""
                        insert into task_template(id, template_key, template_version, ftop_task_id, name, mandatory, fasttrack_role,
                            all_services, services, service_names, process, phase, section, due_offset_days, status, latest, version,
                            created_at, published_at)
                        select :id, :key, :templateVersion, :ftop, :name, :mandatory, :role, :all, :services, :names, :process, :phase,
                            :section, :offset, :status, :latest, 0, :createdAt, :publishedAt
                        where not exists (select 1 from task_template where template_key = :key)
                        on conflict do nothing""")
                .setParameter("id", t.id).setParameter("key", t.templateKey).setParameter("templateVersion", t.templateVersion)
                .setParameter("ftop", t.ftopTaskId).setParameter("name", t.name).setParameter("mandatory", t.mandatory)
                .setParameter("role", t.fasttrackRole).setParameter("all", t.allServices).setParameter("services", t.services)
                .setParameter("names", t.serviceNames).setParameter("process", t.process).setParameter("phase", t.phase)
                .setParameter("section", t.section).setParameter("offset", t.dueOffsetDays).setParameter("status", t.status.name())
                .setParameter("latest", t.latest).setParameter("createdAt", t.createdAt).setParameter("publishedAt", t.publishedAt)
                .executeUpdate();
    }
}
