package com.successworkshop.ssat.domain;

import java.util.List;

/**
 * Outcomes: how far SSAT is recorded for every intended service (retired ones left out); engagement-service's
 * workshop gate waits for {@code allRecorded}.
 */
public record SsatReadiness(int servicesRecorded, int servicesTotal, boolean allRecorded, List<Workload> missingServices,
                            int factorsInPlace, int factorsTotal, int gaps) {
}
