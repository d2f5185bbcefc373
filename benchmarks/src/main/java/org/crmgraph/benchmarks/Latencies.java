package org.crmgraph.benchmarks;

import java.util.Arrays;

/** Latency samples in nanoseconds and the percentiles we report. */
final class Latencies {

    private final long[] samples;
    private int size;

    Latencies(int capacity) {
        samples = new long[capacity];
    }

    synchronized void add(long nanos) {
        if (size < samples.length) {
            samples[size++] = nanos;
        }
    }

    synchronized void reset() {
        size = 0;
    }

    int count() {
        return size;
    }

    /** NaN when there is no sample. */
    double percentileMillis(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
