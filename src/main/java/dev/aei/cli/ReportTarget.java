package dev.aei.cli;

import dev.aei.fixture.SessionFiles;
import dev.aei.runtime.IoReason;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides whether a command may write a report file (findings JSON, JUnit XML, bench JSON): a new
 * or empty file, or a report of the same kind that aei wrote before (a CI job run again). Never a
 * file the command reads or writes otherwise, nor any other existing file: it may be someone's
 * evidence, and a report option is easily given the wrong name.
 */
final class ReportTarget {
    /** Larger files are not read to find out whether they are a report: none of ours is that big. */
    private static final long LARGEST_READ = 64L << 20;

    private ReportTarget() {
    }

    /**
     * Throws {@link IllegalArgumentException} saying why {@code option}'s {@code file} must not be
     * written.
     *
     * @param ours  recognises a report of this kind written by aei
     * @param taken the command's other files (inputs and outputs), each with what it is, e.g.
     *              "the file checked" or "--out"
     */
    static void check(String option, Path file, Predicate<Path> ours, Map<Path, String> taken) {
        for (Map.Entry<Path, String> other : taken.entrySet()) {
            if (other.getKey() != null && SessionFiles.sameFile(file, other.getKey())) {
                throw new IllegalArgumentException(option + " " + file + " is also " + other.getValue()
                        + "; give the report a file of its own");
            }
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a folder; give a file name");
        }
        Path existing = file.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent(); // missing folders are made when the report is written
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + " " + file + " cannot be written: " + existing + " is a file");
        }
        if (Files.exists(file) && !replaceable(file, ours)) {
            throw new IllegalArgumentException(option + " " + file + " exists and is not a report aei wrote; "
                    + "choose another name or remove the file");
        }
    }

    /** Creates the report's folders when they do not exist yet (e.g. {@code build/reports/} in a CI job). */
    static void makeFolders(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** Why a report could not be written, in words: a file system error's message is often just the path. */
    static String reason(IOException e) {
        return e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() + ": " + IoReason.of(e)
                : IoReason.of(e);
    }

    private static boolean replaceable(Path file, Predicate<Path> ours) {
        try {
            long size = Files.size(file);
            return size == 0 || size <= LARGEST_READ && Files.isRegularFile(file) && ours.test(file);
        } catch (IOException e) {
            return false;
        }
    }
}
