package dev.aei.cli.bench;

import dev.aei.capture.Session;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.ui.AppLauncher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Figure 7: start-up, each side a fresh process. The app's main window (as {@code aei gui} starts
 * it, settings in a temporary folder) against a bare JavaFX window, both timed from starting the
 * process to their first painted frame (headless Monocle without a display, as the tests run);
 * and {@code aei check} of a small fixture against {@code java -version}, timed to their exit.
 */
final class StartupFigure {
    static final double GOAL_RATIO = 1.5;
    private static final long TIMEOUT_SECONDS = 120;

    private final BenchSizes sizes;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String classPath = System.getProperty("java.class.path");

    StartupFigure(BenchSizes sizes) {
        this.sizes = sizes;
    }

    void run(Path dir, BenchReport report) throws Exception {
        Path config = Files.createDirectories(dir.resolve("startup-config"));
        List<String> ours = javaCommand(List.of("-D" + AppLauncher.CONFIG_DIR_PROPERTY + "=" + config), "dev.aei.cli.Main");
        List<String> bare = javaCommand(List.of(), AppLauncher.BARE_WINDOW_MAIN);
        int rounds = sizes.rounds();
        // a full run warms up first: the file cache then holds the jar and the JDK for both sides alike
        Alternation.Medians ms = Alternation.run(rounds, sizes.quick() ? 0 : 1, () -> firstPaint(ours), () -> firstPaint(bare));
        double window = ms.ours();
        double reference = ms.reference();
        double ratio = ms.ratio();
        report.add(new Row("7 start", "first painted frame of the main window (java -jar aei.jar, fresh process" + headlessNote()
                + ") vs a bare JavaFX window (median of " + rounds + " alternating)", Fmt.millis(window),
                Fmt.millis(reference) + " bare", Fmt.ratio(ratio), "<= " + GOAL_RATIO, Row.Verdict.of(ratio <= GOAL_RATIO)));
        report.value("first_window_ms", Fmt.round2(window));
        report.value("first_window_ratio", Fmt.round2(ratio));
        cliStart(dir, rounds, report);
    }

    private void cliStart(Path dir, int rounds, BenchReport report) throws Exception {
        Path small = dir.resolve("startup-small.aei.json");
        Session session = SyntheticCapture.build(200, 5);
        SessionFiles.defaults().save(Fixture.of(session, List.of()), small, Progress.NONE);
        List<String> check = javaCommand(List.of(), "dev.aei.cli.Main", "check", small.toString());
        List<String> version = List.of(java, "-version");
        Alternation.Medians ms = Alternation.run(rounds, 0, () -> toExit(check), () -> toExit(version));
        double ours = ms.ours();
        double reference = ms.reference();
        double ratio = ms.ratio();
        report.add(new Row("7 start cli", "aei check of a 200-frame fixture vs java -version, fresh processes "
                + "(median of " + rounds + ")", Fmt.millis(ours), Fmt.millis(reference) + " java -version",
                Fmt.ratio(ratio), "reported", Row.Verdict.INFO));
        report.value("cli_start_ratio", Fmt.round2(ratio));
    }

    private static String headlessNote() {
        return hasDisplay() ? "" : ", headless Monocle";
    }

    private static boolean hasDisplay() {
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }

    private List<String> javaCommand(List<String> properties, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(java));
        if (!hasDisplay()) {
            command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"));
        }
        command.add("-D" + AppLauncher.FIRST_PAINT_PROPERTY + "=exit");
        command.addAll(properties);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** Milliseconds from starting the process to its report of the first painted frame. */
    private static double firstPaint(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains(AppLauncher.FIRST_PAINT_LINE)) {
                    return (System.nanoTime() - start) / 1e6;
                }
            }
            throw new IllegalStateException("the window process ended without painting: " + String.join(" ", command));
        } finally {
            end(process);
        }
    }

    /** Milliseconds from starting the process to its exit. */
    private static double toExit(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not end within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void end(Process process) throws InterruptedException {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
