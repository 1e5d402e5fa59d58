package dev.aei.loadtest;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles a generated project's sources in this JVM (javax.tools), against the given jars and the test class path. */
final class SourceCompiler {
    private SourceCompiler() {
    }

    /** Compiles every {@code .java} file under {@code sources} into {@code classes}; the compiler's messages when it fails. */
    static List<String> compile(Path sources, Path classes, List<Path> jars) throws IOException {
        List<File> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))
                + File.pathSeparator + System.getProperty("java.class.path");
        List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classPath,
                "--release", "17", "-Xlint:deprecation", "-proc:none"));
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, null)) {
            StringWriter output = new StringWriter();
            boolean ok = javac.getTask(output, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromFiles(files)).call();
            List<String> messages = new ArrayList<>();
            diagnostics.getDiagnostics().forEach(d -> messages.add(d.getKind() + ": " + d));
            if (ok && messages.isEmpty()) {
                return List.of();
            }
            if (!output.toString().isBlank()) {
                messages.add(output.toString());
            }
            return messages;
        }
    }
}
