package dev.aei.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Maven in a generated project as a child process, offline (the Gatling dependencies must have
 * been downloaded once; {@code -Daei.load.online=true} lets the child download them), its output to a file.
 */
final class MavenChild {
    private static final Duration LIMIT = Duration.ofMinutes(6);

    private MavenChild() {
    }

    /**
     * What the child did.
     *
     * @param exitCode its exit code
     * @param output   its stdout and stderr
     */
    record Result(int exitCode, String output) {
    }

    /** Runs {@code mvn <args>} in the project with these extra environment variables and waits for it. */
    static Result run(Path project, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("aei.mvn", "mvn"), "-B", "-q"));
        if (!Boolean.getBoolean("aei.load.online")) {
            command.add("-o");
        }
        String repository = System.getProperty("maven.repo.local");
        if (repository != null) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(args));
        Path log = Files.createTempFile(project.getParent(), "mvn-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process child = builder.start();
        if (!child.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " did not finish within " + LIMIT.toMinutes()
                    + " minutes:\n" + Files.readString(log));
        }
        return new Result(child.exitValue(), Files.readString(log));
    }
}
