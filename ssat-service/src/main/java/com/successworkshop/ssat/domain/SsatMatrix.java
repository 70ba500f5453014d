package com.successworkshop.ssat.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SSAT matrix of one engagement: its intended services, each with the four success factors. */
@Entity
@Table(name = "ssat_matrix")
public class SsatMatrix {

    @Id
    public UUID engagementId;

    @Version
    public long version;

    public String partnerId;
    public String customerName;
    /** ce_time of the last IntendedServicesChanged applied; an older one changes nothing. */
    public Instant servicesChangedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public String snapshot;
    public Instant snapshotTakenAt;

    public Instant createdAt;
    public Instant updatedAt;

    @OneToMany(mappedBy = "matrix", cascade = CascadeType.ALL)
    @OrderBy("workload")
    public List<IntendedService> services = new ArrayList<>();

    public List<IntendedService> activeServices() {
        return services.stream().filter(s -> s.retiredAt == null).toList();
    }

    public Optional<IntendedService> service(Workload workload) {
        return services.stream().filter(s -> s.workload == workload).findFirst();
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
