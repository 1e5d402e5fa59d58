package dev.aei.cli.bench;

import java.util.Arrays;

/** Medians and percentiles of measured samples. */
public final class Stats {
    private Stats() {
    }

    /** The median of the samples (the mean of the middle two for an even count); NaN when empty. */
    public static double median(double[] samples) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The nearest-rank percentile (0-100) of the samples; NaN when empty. */
    public static double percentile(double[] samples, double percentile) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
