package dev.aei.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The Gatling jars a generated simulation compiles against, when the local Maven repository has them. */
final class GatlingJars {
    private static final String GATLING = "3.13.5";
    private static final List<String> ARTIFACTS = List.of("io/gatling/gatling-core-java", "io/gatling/gatling-http-java",
            "io/gatling/gatling-core", "io/gatling/gatling-http");

    private GatlingJars() {
    }

    /** The jars, or empty when Gatling was never downloaded into the local repository. */
    static Optional<List<Path>> inLocalRepository() {
        Path repo = localRepository();
        List<Path> jars = new ArrayList<>();
        for (String artifact : ARTIFACTS) {
            String name = artifact.substring(artifact.lastIndexOf('/') + 1);
            Path jar = repo.resolve(artifact).resolve(GATLING).resolve(name + "-" + GATLING + ".jar");
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            jars.add(jar);
        }
        Optional<Path> scala = newestScala(repo.resolve("org/scala-lang/scala-library"));
        scala.ifPresent(jars::add);
        return scala.isPresent() ? Optional.of(jars) : Optional.empty();
    }

    /** Where Maven keeps downloads: {@code maven.repo.local}, else {@code ~/.m2/repository}. */
    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static Optional<Path> newestScala(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(dir)) {
            return versions.filter(v -> v.getFileName().toString().startsWith("2.13."))
                    .map(v -> v.resolve("scala-library-" + v.getFileName() + ".jar"))
                    .filter(Files::isRegularFile)
                    .max(Comparator.comparingInt(jar -> patch(jar.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int patch(String version) {
        try {
            return Integer.parseInt(version.substring("2.13.".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
