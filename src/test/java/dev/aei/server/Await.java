package dev.aei.server;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling for tests: wait until a condition holds, fail with a description after a generous limit. */
final class Await {

    private static final long LIMIT_MS = 15_000;

    private Await() {
    }

    static void until(BooleanSupplier condition, Supplier<String> description) {
        long deadline = System.nanoTime() + LIMIT_MS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + description.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
