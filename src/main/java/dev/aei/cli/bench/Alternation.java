package dev.aei.cli.bench;

/**
 * Measures our side and its reference round by round, alternating which goes first so neither
 * always inherits the other's warm caches or leftover garbage, and reports the medians.
 */
final class Alternation {
    private Alternation() {
    }

    /** One measurement: a time or a rate, whatever the figure compares. */
    @FunctionalInterface
    interface Measure {
        double take() throws Exception;
    }

    /**
     * The medians of both sides, in the unit the measures return, and each side's first, cold
     * measurement (NaN without warm-up rounds).
     */
    record Medians(double ours, double reference, double coldOurs, double coldReference) {
        /** ours / reference. */
        double ratio() {
            return ours / reference;
        }
    }

    /** {@code rounds} measured rounds, after {@code warmUps} unmeasured rounds of each side. */
    static Medians run(int rounds, int warmUps, Measure ours, Measure reference) throws Exception {
        double coldOurs = Double.NaN;
        double coldReference = Double.NaN;
        for (int i = 0; i < warmUps; i++) {
            double mine = ours.take();
            double theirs = reference.take();
            if (i == 0) {
                coldOurs = mine;
                coldReference = theirs;
            }
        }
        double[] mine = new double[rounds];
        double[] theirs = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                mine[round] = ours.take();
                theirs[round] = reference.take();
            } else {
                theirs[round] = reference.take();
                mine[round] = ours.take();
            }
        }
        return new Medians(Stats.median(mine), Stats.median(theirs), coldOurs, coldReference);
    }
}
