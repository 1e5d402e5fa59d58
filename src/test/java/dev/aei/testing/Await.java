package dev.aei.testing;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling for tests: waits until a condition holds, failing after a generous limit. */
public final class Await {
    /** Generous on purpose: the limit only matters when a test fails, and CI machines are loaded. */
    private static final long LIMIT_MILLIS = 60_000;

    private Await() {
    }

    /** Waits until the condition holds; {@code what} names it in the failure. */
    public static void until(String what, BooleanSupplier condition) {
        until(condition, () -> what);
    }

    /** Waits until the condition holds; the description is built only when the wait fails. */
    public static void until(BooleanSupplier condition, Supplier<String> description) {
        long deadline = System.nanoTime() + LIMIT_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting: " + description.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting: " + description.get(), e);
            }
        }
    }
}
