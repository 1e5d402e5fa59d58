package dev.aei.testing;

/**
 * Heap in use once full collections stop freeing anything: what is really retained, not what
 * another thread (a redraw, a worker) holds for a moment.
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    /** Collects until the heap stops shrinking and returns the least seen. */
    public static long retainedBytes() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (now >= used - 256 * 1024) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }
}
