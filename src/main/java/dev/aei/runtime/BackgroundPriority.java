package dev.aei.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the calling thread's scheduling priority, for work that may fall behind while other work
 * must not: the live analysis yields the processor to the sockets during a burst and catches up
 * after it, instead of taking a fair share of a core the capture needs.
 *
 * <p>Java's thread priority reaches the system on Windows; on Linux the JVM ignores it unless it
 * was started with a flag, so there the thread is moved to the {@code SCHED_IDLE} policy with the
 * system's {@code chrt}: it runs only when no normal thread wants the core, and a normal thread
 * waking up takes the core from it at once. Where {@code chrt} fails, its nice value is raised to
 * 19 with {@code renice} instead, which still lets it take a small share while the sockets are
 * busy (in the ingest figure that share cost about a tenth of the capture's rate; {@code SCHED_IDLE}
 * gave it back). Any user may lower a thread's priority; only raising it back needs privileges.
 * Best effort: where neither works, the thread keeps its priority and everything still works.
 * Two rules for such a thread: no other thread may wait for it (it may get no processor for as
 * long as something else is busy), and it starts no threads (on Linux they would inherit its
 * priority, and nobody can raise it again without privileges).
 */
public final class BackgroundPriority {
    /** The nice value of the fallback: Linux's lowest. */
    static final int NICENESS = 19;
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final long COMMAND_TIMEOUT_SECONDS = 5;
    /** Linux's link to the calling thread's own entry: {@code PID/task/TID}. */
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private BackgroundPriority() {
    }

    /**
     * Lowers the calling thread's priority; true when the system was told (on Linux, its policy
     * or else its nice value).
     */
    public static boolean lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            String task = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
            return succeeds("chrt", "--idle", "-p", "0", task)
                    || succeeds("renice", "-n", String.valueOf(NICENESS), "-p", task);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("could not lower the priority of {}: {}", Thread.currentThread().getName(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a system command; false when it is missing, fails or hangs. */
    private static boolean succeeds(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroy();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            LOG.debug("{} failed: {}", command[0], e.toString());
            return false;
        }
    }
}
