package dev.aei.testing;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Heap measurements that do not flap. A reading is the heap in use right after a full
 * collection, as that collection reported it, so nothing another thread allocates afterwards
 * counts; the least of a few readings leaves out what a redraw or a worker held for a moment.
 * Whether something was let go is asked directly ({@link #awaitCollected}), not read off a number.
 */
public final class HeapProbe {
    private static final int READINGS = 3;
    private static final int GC_ATTEMPTS = 20;
    private static final long GC_RETRY_MILLIS = 25;

    private HeapProbe() {
    }

    /** The heap that survives full collections: the least of a few post-collection readings. */
    public static long retainedBytes() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < READINGS; i++) {
            least = Math.min(least, liveAfterFullCollection());
        }
        return least;
    }

    /** Collects until {@code ref}'s object is gone: proof that nothing holds it any more. */
    public static void awaitCollected(String what, WeakReference<?> ref) {
        Await.until(what + " is let go", () -> {
            System.gc();
            return ref.get() == null;
        });
    }

    /**
     * Heap in use at the end of one full collection, as the collector itself reported it. A
     * {@code System.gc()} can return without collecting (while another thread is in a JNI critical
     * section, the collection waits for it), so it is asked again until a collection is seen: the
     * pools' usage alone would count whatever garbage the young generation holds (a reading of
     * 150 MB too much in about one run of six).
     */
    private static long liveAfterFullCollection() {
        for (int attempt = 0; attempt < GC_ATTEMPTS; attempt++) {
            GcInfo collected = collect();
            if (collected != null) {
                Set<String> heap = heapPools().stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
                return collected.getMemoryUsageAfterGc().entrySet().stream().filter(e -> heap.contains(e.getKey()))
                        .map(Map.Entry::getValue).mapToLong(MemoryUsage::getUsed).sum();
            }
            pause();
        }
        // a collector that reports nothing: fall back to the pools' own usage
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static void pause() {
        try {
            Thread.sleep(GC_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code System.gc()}; the latest collection it brought, or null when none was seen. */
    private static GcInfo collect() {
        Map<GarbageCollectorMXBean, Long> before = collectors().stream()
                .collect(Collectors.toMap(c -> c, GarbageCollectorMXBean::getCollectionCount));
        System.gc();
        GcInfo latest = null;
        for (var entry : before.entrySet()) {
            GarbageCollectorMXBean collector = entry.getKey();
            GcInfo info = collector.getLastGcInfo();
            if (collector.getCollectionCount() > entry.getValue() && info != null
                    && (latest == null || info.getEndTime() > latest.getEndTime())) {
                latest = info;
            }
        }
        return latest;
    }

    /**
     * The classes holding the most live heap, as the JVM's class histogram lists them (the first
     * {@code lines} lines), for a failed bound to say what filled the heap; a note when it cannot.
     */
    public static String histogram(int lines) {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return String.join("\n", String.valueOf(text).lines().limit(lines).toList());
        } catch (JMException | RuntimeException e) {
            return "(no class histogram: " + e + ")";
        }
    }

    private static java.util.List<GarbageCollectorMXBean> collectors() {
        return ManagementFactory.getPlatformMXBeans(GarbageCollectorMXBean.class);
    }

    private static java.util.List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
