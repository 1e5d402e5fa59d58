package dev.aei.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of this build in a fresh JVM with the test class path; output goes to files. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts {@code mainClass} with JVM options and arguments; stdout and stderr go to {@code <name>.out/.err}. */
    static Process start(Path dir, String name, List<String> jvmOptions, String mainClass, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    /** Waits (bounded) for the child to end and returns its exit code. */
    static int exitCode(Process child) throws InterruptedException {
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish within 120 s");
        }
        return child.exitValue();
    }
}
