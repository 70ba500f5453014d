package com.successworkshop.ssat.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Playbook facts: the success review is due at >= 10 % active usage on every intended service, or when the customer's
 * own metrics are met. A service with neither measured is not ready; an engagement without intended services neither.
 */
public record SuccessReview(boolean ready, BigDecimal activeUsageThreshold, List<ServiceReview> services) {

    public record ServiceReview(Workload service, BigDecimal activeUsagePercent, boolean customMetricsMet, boolean ready,
                                String reason) {
    }

    /** {@code latest}: each metric's latest measured value by metric id (absent when nothing was measured). */
    public static SuccessReview of(SsatMatrix matrix, List<SuccessMetric> metrics, Map<UUID, BigDecimal> latest,
                                   BigDecimal activeUsageThreshold) {
        List<ServiceReview> reviews = new ArrayList<>();
        for (IntendedService s : matrix.activeServices()) {
            List<SuccessMetric> mine = metrics.stream().filter(x -> x.workload() == s.workload()).toList();
            BigDecimal usage = mine.stream().filter(x -> x.kind() == MetricKind.ACTIVE_USAGE_PERCENT)
                    .map(x -> latest.get(x.id())).filter(Objects::nonNull).max(BigDecimal::compareTo).orElse(null);
            List<SuccessMetric> custom = mine.stream().filter(x -> x.kind() == MetricKind.CUSTOM).toList();
            boolean customMet = !custom.isEmpty() && custom.stream().allMatch(x -> x.targetMet(latest.get(x.id())));
            boolean usageMet = usage != null && usage.compareTo(activeUsageThreshold) >= 0;
            String reason = usageMet ? "active usage " + usage.stripTrailingZeros().toPlainString() + " % >= " + activeUsageThreshold + " %"
                    : customMet ? "the customer's own metrics are met"
                    : usage == null ? "no active-usage measurement yet"
                    : "active usage " + usage.stripTrailingZeros().toPlainString() + " % < " + activeUsageThreshold + " %";
            reviews.add(new ServiceReview(s.workload(), usage, customMet, usageMet || customMet, reason));
        }
        boolean ready = !reviews.isEmpty() && reviews.stream().allMatch(ServiceReview::ready);
        return new SuccessReview(ready, activeUsageThreshold, reviews);
    }
}
