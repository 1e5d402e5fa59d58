package dev.aei.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How Linux schedules a thread: its policy and nice value (Linux only).
 *
 * @param policy the scheduling policy ({@link #SCHED_IDLE} for background work)
 * @param nice   the nice value
 */
public record Scheduling(int policy, int nice) {
    /** Linux's policy for threads that run only when nothing else wants the core. */
    public static final int SCHED_IDLE = 5;
    /** Positions of "nice" and "policy" among the fields after the command name in {@code /proc/.../stat}. */
    private static final int NICE_FIELD = 16;
    private static final int POLICY_FIELD = 38;

    /** The calling thread's scheduling. */
    public static Scheduling currentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // The command name may hold spaces and parentheses: the fields start after its last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return new Scheduling(Integer.parseInt(fields[POLICY_FIELD]), Integer.parseInt(fields[NICE_FIELD]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True for a thread lowered to background work: idle policy, or else the lowest nice value. */
    public boolean background() {
        return policy == SCHED_IDLE || nice == 19;
    }
}
