package dev.aei.cli.bench;

import java.util.Locale;

/** How the table shows numbers. */
final class Fmt {
    private Fmt() {
    }

    /** A whole count with thousands separators, e.g. {@code 1,234,567}. */
    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** A rate, e.g. {@code 1,234,567 ev/s}. */
    static String rate(double perSecond) {
        return count(perSecond) + " ev/s";
    }

    /** Milliseconds with two decimals. */
    static String millis(double ms) {
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }

    /** A ratio with two decimals. */
    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }

    /** Rounds to two decimals for the JSON summary. */
    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
