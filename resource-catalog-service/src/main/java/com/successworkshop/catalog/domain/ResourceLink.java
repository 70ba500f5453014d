package com.successworkshop.catalog.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One link the playbook (or a catalog admin) points FastTrack Managers, customers and partners to. */
@Entity
@Table(name = "resource_link")
public class ResourceLink {

    @Id
    public UUID id;

    @Version
    public long version;

    public String title;
    public String titleJa;
    public String address;
    public String description;
    @Enumerated(EnumType.STRING)
    public PlaybookSection section;
    /** Workload codes; empty = every service. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> services = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> audience = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public ResourceKind kind;
    public String language;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();
    /** Only for customers eligible for an enterprise add-on adoption benefit (Goals 6, Next steps). */
    public boolean eligibleOnly;

    @Enumerated(EnumType.STRING)
    public ResourceStatus status;
    public String retiredReason;
    public Instant retiredAt;
    public UUID replacementId;

    public Instant lastCheckAt;
    public Integer lastCheckStatus;
    public String lastCheckError;

    public Instant createdAt;
    public Instant updatedAt;

    public String etag() {
        return "\"" + version + "\"";
    }

    public boolean active() {
        return status == ResourceStatus.ACTIVE;
    }
}
