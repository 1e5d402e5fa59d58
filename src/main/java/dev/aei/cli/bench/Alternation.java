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

    /** The medians of both sides, in the unit the measures return. */
    record Medians(double ours, double reference) {
        /** ours / reference. */
        double ratio() {
            return ours / reference;
        }
    }

    /** {@code rounds} rounds, after one unmeasured warm-up of each side when {@code warmUp}. */
    static Medians run(int rounds, boolean warmUp, Measure ours, Measure reference) throws Exception {
        if (warmUp) {
            ours.take();
            reference.take();
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
        return new Medians(Stats.median(mine), Stats.median(theirs));
    }
}
