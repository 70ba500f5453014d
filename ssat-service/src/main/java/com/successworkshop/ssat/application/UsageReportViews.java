package com.successworkshop.ssat.application;

import com.successworkshop.ssat.domain.UsageReport;
import com.successworkshop.ssat.domain.Workload;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What an imported Microsoft 365 usage report gave the engagement's ACTIVE_USAGE_PERCENT metrics. */
public final class UsageReportViews {

    private UsageReportViews() {
    }

    public record UsageReportImport(@NotNull UsageReport.Layout layout, @NotNull LocalDate reportRefreshDate,
                                    @NotNull @Schema(example = "30") int periodDays, @NotNull List<ServiceUsageView> services,
                                    @NotNull @Schema(description = "Measurements this import added") int measurementsRecorded,
                                    @NotNull @Schema(description = "Measurements an earlier import of the same report had added already") int measurementsAlreadyRecorded,
                                    @NotNull @Schema(description = "Services of the report with no ACTIVE_USAGE_PERCENT metric: nothing recorded for them") List<Workload> servicesWithoutMetric) {
    }

    public record ServiceUsageView(@NotNull Workload service, @NotNull long activeUsers,
                                   @NotNull @Schema(description = "Active + inactive users, or licensed users not deleted") long users,
                                   @NotNull @Schema(example = "42.5") BigDecimal activePercent,
                                   @NotNull @Schema(description = "The ACTIVE_USAGE_PERCENT metrics of this service that received the value") List<UUID> metricIds) {
    }
}
