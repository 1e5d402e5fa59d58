package dev.aei.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.server.BackendConfig;
import dev.aei.server.ReferenceBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * target/aei.jar as built: JavaFX's graphics classes and native libraries of every desktop, each
 * library where JavaFX (or, on macOS, the app) looks for it and built for the right processor. Runs
 * after the package phase ({@code mvn verify}); the pom passes the jar's and JavaFX's paths.
 */
@Tag("packaged")
class PackagedJarTest {
    /** Where each platform's libraries sit in aei.jar: Linux and Windows at the root, the Macs apart. */
    private static final Map<String, String> FOLDERS = Map.of("linux", "", "win", "",
            "mac", "natives/mac-x64/", "mac-aarch64", "natives/mac-aarch64/");

    private static Path property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by the pom's packaged-jar execution)", name).isNotBlank();
        return Path.of(value);
    }

    private static Path jar() {
        Path jar = property("aei.jar");
        assertThat(jar).as("the packaged jar").isRegularFile();
        return jar;
    }

    /** JavaFX's graphics jar for one platform, as Maven downloaded it. */
    private static Path graphics(String classifier) {
        Path base = property("aei.javafx.graphics");
        return base.resolveSibling(base.getFileName() + "-" + classifier + ".jar");
    }

    @Test
    void everyDesktopsJavaFxGraphicsIsInsideByteForByte() throws IOException {
        try (ZipFile aei = new ZipFile(jar().toFile())) {
            for (var platform : FOLDERS.entrySet()) {
                List<String> missing = new ArrayList<>();
                int natives = 0;
                try (ZipFile fx = new ZipFile(graphics(platform.getKey()).toFile())) {
                    for (ZipEntry e : fx.stream().toList()) {
                        String name = e.getName();
                        if (e.isDirectory() || name.startsWith("META-INF/") || name.equals("module-info.class")
                                || name.equals("javafx-swt.jar")) {
                            continue;
                        }
                        boolean nativeLib = isNative(name);
                        natives += nativeLib ? 1 : 0;
                        String where = nativeLib ? platform.getValue() + name : name;
                        ZipEntry packed = aei.getEntry(where);
                        if (packed == null || packed.getCrc() != e.getCrc()) {
                            missing.add(where);
                        }
                    }
                }
                assertThat(missing).as("%s entries missing or different in aei.jar", platform.getKey()).isEmpty();
                assertThat(natives).as("%s native libraries", platform.getKey()).isGreaterThanOrEqualTo(7);
            }
        }
    }

    @Test
    void eachLibraryIsBuiltForItsDesktopsProcessor() throws IOException {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        try (ZipFile aei = new ZipFile(jar().toFile())) {
            for (ZipEntry e : aei.stream().filter(e -> isNative(e.getName())).toList()) {
                byte[] head;
                try (InputStream in = aei.getInputStream(e)) {
                    head = in.readNBytes(4096);
                }
                String kind = machine(head);
                String expected = e.getName().endsWith(".so") ? "linux-x64"
                        : e.getName().endsWith(".dll") ? "windows-x64"
                        : e.getName().startsWith("natives/mac-aarch64/") ? "mac-aarch64"
                        : e.getName().startsWith("natives/mac-x64/") ? "mac-x64" : "a misplaced library";
                assertThat(kind).as(e.getName()).isEqualTo(expected);
                counts.merge(kind, 1, Integer::sum);
            }
        }
        assertThat(counts).containsOnlyKeys("linux-x64", "windows-x64", "mac-x64", "mac-aarch64");
        for (String glass : List.of("libglass.so", "libglassgtk3.so", "glass.dll", "prism_d3d.dll",
                "natives/mac-x64/libglass.dylib", "natives/mac-aarch64/libglass.dylib")) {
            try (ZipFile aei = new ZipFile(jar().toFile())) {
                assertThat(aei.getEntry(glass)).as(glass).isNotNull();
            }
        }
    }

    @Test
    void itStartsWithItsManifestAndPrintsItsVersion() throws Exception {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar()))) {
            assertThat(in.getManifest()).as("a manifest first, where streaming readers look").isNotNull();
            assertThat(in.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.aei.cli.Main");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", jar().toString(), "--version")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).containsPattern("(?m)^aei \\d+\\.\\d+\\.\\d+").containsPattern("(?m)^commit ([0-9a-f]{7,}|unknown)$")
                .containsPattern("(?m)^JavaFX \\d+");
    }

    @Test
    void withoutADisplayItSaysWhyInsteadOfAStackTrace() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "X11 is Linux's");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder start = new ProcessBuilder(java.toString(), "-jar", jar().toString()).redirectErrorStream(true);
        start.environment().remove("DISPLAY");
        start.environment().remove("WAYLAND_DISPLAY");
        start.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = start.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        // no display or no GTK, depending on the machine: either way one line that says so
        assertThat(out).contains("aei: the window cannot open: ").contains("aei --help")
                .doesNotContainPattern("(?m)^\\s+at ")
                .as("JavaFX's warning about the class path, which the app is built to run from")
                .doesNotContain("Unsupported JavaFX configuration");
    }

    @Test
    void aRecordingStoppedWithCtrlCSaysWhereItsJournalIs(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("stopped.jsonl");
        try (ReferenceBackend slow = ReferenceBackend.start(BackendConfig.defaults().withEventDelayMs(2_000))) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process record = new ProcessBuilder(java.toString(), "-jar", jar().toString(), "record", "--server",
                    slow.webSocketUrl().toString(), "--secret", BackendConfig.DEMO_SECRET, "--user", "alice",
                    "--prompt", "Compare Q3 costs", "--until-complete", "--out", journal.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("console.txt").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(journal) && Files.readString(journal).contains("agent_started"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            record.destroy(); // SIGTERM, as a kill or a closed terminal sends; Ctrl+C's SIGINT takes the same path
            assertThat(record.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(dir.resolve("console.txt"))).contains("record: interrupted; what was captured is in " + journal);
            assertThat(Files.readString(journal)).contains("agent_started");
        }
    }

    private static boolean isNative(String name) {
        return name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib");
    }

    /** The kind of machine code in an ELF, PE or Mach-O file, from its header. */
    static String machine(byte[] head) {
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (head.length > 20 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            return head[4] == 2 && b.getShort(18) == 0x3e ? "linux-x64" : "ELF of another kind";
        }
        if (head.length > 0x40 && head[0] == 'M' && head[1] == 'Z') {
            int pe = b.getInt(0x3c);
            boolean isPe = pe > 0 && pe + 6 <= head.length && b.getInt(pe) == 0x00004550;
            return isPe && (b.getShort(pe + 4) & 0xffff) == 0x8664 ? "windows-x64" : "PE of another kind";
        }
        if (head.length > 8 && b.getInt(0) == 0xfeedfacf) {
            return switch (b.getInt(4)) {
                case 0x01000007 -> "mac-x64";
                case 0x0100000c -> "mac-aarch64";
                default -> "Mach-O of another kind";
            };
        }
        return "not a native library";
    }
}
