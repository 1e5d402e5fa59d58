package dev.aei.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap in use after full collections, for retained-size measurements. */
final class Heap {
    private static final int MAX_COLLECTIONS = 8;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    /** Used heap bytes once repeated full collections no longer shrink it. */
    long usedAfterGc() {
        long previous = Long.MAX_VALUE;
        long used = used();
        for (int i = 0; i < MAX_COLLECTIONS && used < previous - 64 * 1024; i++) {
            previous = used;
            System.gc();
            pause();
            used = used();
        }
        return used;
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
