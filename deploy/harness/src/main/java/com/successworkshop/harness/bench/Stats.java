package com.successworkshop.harness.bench;

import java.util.Arrays;

/** Percentiles of a latency sample, in milliseconds. */
record Stats(int count, double p50, double p90, double p99, double max) {

    static Stats of(long[] nanos) {
        if (nanos.length == 0) {
            return new Stats(0, 0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms", count, p50, p90, p99, max);
    }
}
