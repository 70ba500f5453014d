package com.successworkshop.ssat.application;

import com.successworkshop.kit.application.UnitOfWork;
import com.successworkshop.kit.domain.DomainException;
import com.successworkshop.kit.security.CurrentPartner;
import com.successworkshop.ssat.application.UsageReportViews.ServiceUsageView;
import com.successworkshop.ssat.application.UsageReportViews.UsageReportImport;
import com.successworkshop.ssat.domain.MetricKind;
import com.successworkshop.ssat.domain.SuccessMetric;
import com.successworkshop.ssat.domain.UsageReport;
import com.successworkshop.ssat.domain.Workload;
import com.successworkshop.ssat.repository.MetricMeasurementRepository;
import com.successworkshop.ssat.repository.SsatMatrixRepository;
import com.successworkshop.ssat.repository.SuccessMetricRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Playbook: Measuring success — the customer's Microsoft 365 usage report becomes measurements of the engagement's
 * ACTIVE_USAGE_PERCENT metrics, all in one transaction or none. Importing the same report again adds nothing.
 */
@ApplicationScoped
@Transactional
public class ImportUsageReport {

    public static final String NO_ACTIVE_USAGE_METRIC = "usage-report.no-active-usage-metric";

    @Inject
    SsatMatrixRepository matrices;
    @Inject
    SuccessMetricRepository metrics;
    @Inject
    MetricMeasurementRepository measurements;
    @Inject
    CurrentPartner caller;
    @Inject
    UnitOfWork work;

    /** @param periodDays the period the per-user report was exported for (the counts report names its own) */
    public UsageReportImport importReport(UUID engagementId, byte[] csv, int periodDays) {
        matrices.find(engagementId).orElseThrow(() -> DomainException.notFound("SSAT matrix of engagement " + engagementId));
        UsageReport report = UsageReport.parse(csv, periodDays);
        List<SuccessMetric> activeUsage = metrics.ofEngagement(engagementId).stream()
                .filter(m -> m.kind() == MetricKind.ACTIVE_USAGE_PERCENT).toList();
        // The report's refresh date is the day its figures describe; the source names the report, so a re-import matches it.
        Instant measuredAt = report.reportRefreshDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        String source = "M365 usage report " + report.layout() + " (" + report.periodDays() + " days)";
        Instant now = Instant.now();
        int recorded = 0;
        int already = 0;
        List<ServiceUsageView> services = new ArrayList<>();
        List<Workload> withoutMetric = new ArrayList<>();
        List<SuccessMetric> changed = new ArrayList<>();
        for (UsageReport.ServiceUsage usage : report.services()) {
            List<UUID> ids = new ArrayList<>();
            for (SuccessMetric metric : activeUsage.stream().filter(m -> m.workload() == usage.service()).toList()) {
                ids.add(metric.id());
                if (measurements.recorded(metric.id(), measuredAt, source)) {
                    already++;
                } else {
                    measurements.persist(metric.record(usage.activePercent(), measuredAt, source, caller.actor(), now));
                    changed.add(metric);
                    recorded++;
                }
            }
            if (ids.isEmpty()) {
                withoutMetric.add(usage.service());
            }
            services.add(new ServiceUsageView(usage.service(), usage.activeUsers(), usage.users(), usage.activePercent(), ids));
        }
        work.complete(changed.toArray(SuccessMetric[]::new));
        if (recorded + already == 0) {
            throw DomainException.ruleViolated(NO_ACTIVE_USAGE_METRIC, "None of the services in this report ("
                    + report.services().stream().map(s -> s.service().name()).toList() + ") has an ACTIVE_USAGE_PERCENT success metric; define one first");
        }
        return new UsageReportImport(report.layout(), report.reportRefreshDate(), report.periodDays(), services, recorded, already, withoutMetric);
    }
}
