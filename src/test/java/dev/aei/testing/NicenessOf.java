package dev.aei.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A thread's nice value as Linux reports it (Linux only). */
public final class NicenessOf {
    /** Position of "nice" among the fields after the command name in {@code /proc/.../stat}. */
    private static final int NICE_FIELD = 16;

    private NicenessOf() {
    }

    /** The calling thread's nice value. */
    public static int currentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // The command name may hold spaces and parentheses: the fields start after its last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return Integer.parseInt(fields[NICE_FIELD]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
