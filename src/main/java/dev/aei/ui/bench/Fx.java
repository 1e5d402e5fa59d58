package dev.aei.ui.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Starting the JavaFX toolkit (headless when there is no display) and running work on its thread. */
final class Fx {
    private static final long TIMEOUT_SECONDS = 120;

    private Fx() {
    }

    /**
     * Starts the toolkit unless it runs already. Without a display it selects the headless Monocle
     * platform with software rendering (those properties must be set before the toolkit starts).
     */
    static void start() throws InterruptedException {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            setIfAbsent("glass.platform", "Monocle");
            setIfAbsent("monocle.platform", "Headless");
            setIfAbsent("prism.order", "sw");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        if (!started.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start");
        }
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    static <T> T call(Callable<T> work) throws InterruptedException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return await(result);
    }

    /** Runs {@code work} on the FX thread and waits for it. */
    static void run(Runnable work) throws InterruptedException {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Waits (bounded) for a result produced on the FX thread. */
    static <T> T await(CompletableFuture<T> result) throws InterruptedException {
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the UI figure failed: " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
