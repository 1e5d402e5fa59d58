package dev.aei.ui.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Carries per-key values from any thread to the FX thread, coalesced: writers only store the
 * latest value per key; at most one hop is queued at a time, and it applies whatever is latest.
 * So a storm of state changes costs one {@code runLater}, not one per change.
 */
public final class LatestValueRelay<K, V> implements BiConsumer<K, V> {
    private final Map<K, V> latest = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor fx;
    private final BiConsumer<K, V> apply;

    /** {@code fx} runs the hop (Platform::runLater in the app); {@code apply} gets each latest value. */
    public LatestValueRelay(Executor fx, BiConsumer<K, V> apply) {
        this.fx = fx;
        this.apply = apply;
    }

    /** Stores the value and schedules a hop unless one is pending; safe from any thread. */
    @Override
    public void accept(K key, V value) {
        latest.put(key, value);
        if (scheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false); // before reading, so a value stored meanwhile schedules another hop
        for (K key : latest.keySet()) {
            V value = latest.remove(key);
            if (value != null) {
                apply.accept(key, value);
            }
        }
    }
}
