package dev.aei.cli.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap in use after full collections, for retained-size measurements. */
final class Heap {
    private static final int MAX_COLLECTIONS = 8;
    private static final int MAX_ATTEMPTS = 10;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    /**
     * Used heap bytes once repeated full collections no longer shrink it. A {@code System.gc()} that
     * returned without collecting (it waits while another thread is in a JNI critical section) is
     * asked again rather than taken for "no longer shrinks".
     */
    long usedAfterGc() {
        long previous = Long.MAX_VALUE;
        long used = used();
        for (int i = 0; i < MAX_COLLECTIONS && used < previous - 64 * 1024; i++) {
            previous = used;
            long collections = collections();
            for (int attempt = 0; attempt < MAX_ATTEMPTS && collections() == collections; attempt++) {
                System.gc();
                pause();
            }
            used = used();
        }
        return used;
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
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
