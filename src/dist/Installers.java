import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the desktop app's installers from target/aei.jar with the JDK's jlink and jpackage: an app
 * image with a trimmed Java runtime, and this system's installer (.deb on Linux where dpkg-deb and
 * fakeroot exist, .dmg on macOS, .msi on Windows, which needs the WiX 3 tools on the PATH), with file
 * associations where the system hands the opened file to the app. On Linux it
 * then runs the app image's checks: {@code aei --version} and {@code aei check} with no Java on the
 * PATH, and the window opening a fixture under the headless test platform.
 *
 * <p>Run by {@code mvn -Pdist package}, or by hand after {@code mvn package}:
 * {@code java src/dist/Installers.java <project folder> <build folder> <version>}. Everything goes
 * to {@code <build folder>/dist}.
 */
public final class Installers {
    static final String NAME = "Agent Event Inspector";
    static final String LAUNCHER = "aei";
    static final String MAIN_CLASS = "dev.aei.cli.Main";
    static final String DESCRIPTION = "Inspect, check and replay the WebSocket event streams of AI-agent chat backends";
    /** Modules the app needs that jdeps cannot see in its bytecode: elliptic-curve crypto (ES256, TLS). */
    static final List<String> EXTRA_MODULES = List.of("jdk.crypto.ec");
    /** Keeps Windows upgrades replacing the installed app instead of installing beside it. */
    static final String WINDOWS_UPGRADE_UUID = "2a35547d-0e1b-467b-9640-ca509fb03ac9";
    /** The flags the GUI tests run JavaFX with: the headless Monocle platform, software rendering. */
    static final String HEADLESS = "-Dtestfx.headless=true -Dprism.order=sw -Dglass.platform=Monocle"
            + " -Dmonocle.platform=Headless -Djava.awt.headless=true";

    private final Path project;
    private final Path out;
    private final Path jar;
    private final String version;
    private final Os os = Os.current();
    private final Map<String, Long> sizes = new TreeMap<>();

    Installers(Path project, Path build, String version) {
        this.project = project.toAbsolutePath();
        this.out = build.toAbsolutePath().resolve("dist");
        this.jar = build.toAbsolutePath().resolve("aei.jar");
        this.version = version;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java src/dist/Installers.java <project folder> <build folder> <version>");
            System.exit(2);
        }
        try {
            new Installers(Path.of(args[0]), Path.of(args[1]), args[2]).build();
        } catch (Failure f) {
            System.err.println("dist: " + f.getMessage());
            System.exit(1);
        }
    }

    void build() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new Failure(jar + " is missing: run mvn package first");
        }
        deleteTree(out);
        Path input = Files.createDirectories(out.resolve("input"));
        Files.copy(jar, input.resolve("aei.jar"));
        Path runtime = runtime();
        Path icon = Icons.write(project.resolve("icons"), out.resolve("icons"), os);
        // the command-line launcher: a console program on Windows, no shortcuts of its own
        Path launcher = write("aei-launcher.properties", os == Os.WINDOWS
                ? "win-console=true\nwin-shortcut=false\nwin-menu=false\n" : "");
        List<String> common = new ArrayList<>(List.of("--name", NAME, "--app-version", appVersion(),
                "--vendor", NAME, "--description", DESCRIPTION,
                "--input", input.toString(), "--main-jar", "aei.jar", "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(), "--icon", icon.toString(),
                "--add-launcher", LAUNCHER + "=" + launcher, "--dest", out.toString()));
        tool("jpackage", concat(common, List.of("--type", "app-image")));
        Path image = os.imageIn(out);
        sizes.put("app image " + out.relativize(image), treeSize(image));
        if (os == Os.LINUX) {
            new ImageCheck(image, project, version, out.resolve("check")).run();
        }
        installer(common);
        report();
    }

    /** The JDK's modules the app uses, linked into a runtime without debug data, headers and man pages. */
    private Path runtime() throws IOException {
        String found = tool("jdeps", List.of("--ignore-missing-deps", "--print-module-deps", "--multi-release",
                Integer.toString(Runtime.version().feature()), jar.toString())).trim();
        List<String> modules = new ArrayList<>(List.of(found.split(",")));
        modules.addAll(EXTRA_MODULES);
        Path runtime = out.resolve("runtime");
        // on Linux --strip-debug also strips the native libraries, with objcopy, and fails without it
        boolean strip = os != Os.LINUX || onPath("objcopy");
        if (!strip) {
            System.out.println("dist: objcopy (binutils) not found: the runtime keeps its native debug symbols");
        }
        List<String> args = List.of("--add-modules", String.join(",", modules), "--output", runtime.toString(),
                strip ? "--strip-debug" : "--strip-java-debug-attributes", "--no-header-files", "--no-man-pages",
                "--strip-native-commands", "--compress=2");
        tool("jlink", args);
        System.out.println("dist: runtime modules " + String.join(",", modules));
        sizes.put("runtime", treeSize(runtime));
        return runtime;
    }

    /**
     * This system's installer; a .deb only where its tools exist. File associations where opening a
     * file passes it to the launcher: Linux takes both names; Windows goes by the last extension only
     * ({@code .json} for a fixture), so there just {@code .har}; macOS sends the file as an Apple event
     * that a JavaFX app never receives, so an association would only open an empty window there.
     */
    private void installer(List<String> common) throws IOException {
        List<String> args = new ArrayList<>(common);
        if (os == Os.LINUX) {
            args.addAll(List.of("--file-associations", write("fixture.properties", """
                    extension=aei.json
                    mime-type=application/x-aei-fixture
                    description=Agent Event Inspector fixture
                    """).toString()));
        }
        if (os != Os.MAC) {
            args.addAll(List.of("--file-associations", write("har.properties", """
                    extension=har
                    mime-type=application/x-har
                    description=HTTP Archive (browser capture)
                    """).toString()));
        }
        switch (os) {
            case LINUX -> {
                if (!onPath("dpkg-deb") || !onPath("fakeroot")) {
                    System.out.println("dist: SKIPPED the .deb: it needs dpkg-deb and fakeroot on the PATH"
                            + " (Debian/Ubuntu: apt-get install dpkg fakeroot); the app image is built");
                    return;
                }
                args.addAll(List.of("--type", "deb", "--linux-package-name", "agent-event-inspector",
                        "--linux-shortcut", "--linux-menu-group", "Development", "--linux-app-category", "devel",
                        "--resource-dir", linuxResources().toString()));
            }
            case MAC -> args.addAll(List.of("--type", "dmg", "--mac-package-identifier", "dev.aei.inspector"));
            case WINDOWS -> args.addAll(List.of("--type", "msi", "--win-menu", "--win-menu-group", NAME,
                    "--win-shortcut", "--win-dir-chooser", "--win-per-user-install",
                    "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID));
        }
        tool("jpackage", args);
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : files.filter(p -> p.toString().matches(".*\\.(deb|dmg|msi)$")).toList()) {
                Path named = p.resolveSibling(installerName(p));
                Files.move(p, named);
                sizes.put("installer " + named.getFileName(), Files.size(named));
            }
        }
    }

    /**
     * The menu entries jpackage fills in (its placeholders in capitals): the app's passes the opened
     * file to the launcher ({@code %f}; jpackage 17 leaves it out), the command-line launcher's is hidden.
     */
    private Path linuxResources() throws IOException {
        Path dir = Files.createDirectories(out.resolve("resources"));
        String entry = """
                [Desktop Entry]
                Name=APPLICATION_NAME
                Comment=APPLICATION_DESCRIPTION
                Exec=APPLICATION_LAUNCHER%s
                Icon=APPLICATION_ICON
                Terminal=false
                Type=Application
                Categories=DEPLOY_BUNDLE_CATEGORY
                DESKTOP_MIMES
                """;
        Files.writeString(dir.resolve(NAME + ".desktop"), entry.formatted(" %f"));
        Files.writeString(dir.resolve(LAUNCHER + ".desktop"), entry.formatted("") + "NoDisplay=true\n");
        return dir;
    }

    /** The installer's name with the project's own version, whatever version the system's rules forced. */
    private String installerName(Path built) {
        String file = built.getFileName().toString();
        String ext = file.substring(file.lastIndexOf('.'));
        return "Agent-Event-Inspector-" + version + "-" + os.label() + ext;
    }

    /**
     * The version jpackage accepts: numbers only (the pom's qualifier, such as -SNAPSHOT, dropped). A Mac
     * bundle's first number must be at least 1, so a 0.x version is bundled as 1.0.0 there; the app's
     * own {@code --version} and About show the real one.
     */
    String appVersion() {
        String numbers = version.replaceAll("[^0-9.].*$", "").replaceAll("\\.$", "");
        if (numbers.isEmpty()) {
            throw new Failure("version " + version + " does not start with a number");
        }
        if (os == Os.MAC && numbers.startsWith("0")) {
            System.out.println("dist: the Mac bundle version must start at 1: bundling " + version + " as 1.0.0");
            return "1.0.0";
        }
        return numbers;
    }

    private void report() throws IOException {
        sizes.put("aei.jar", Files.size(jar));
        System.out.println("dist: built in " + out);
        sizes.forEach((what, bytes) -> System.out.printf("dist:   %-60s %6.1f MB%n", what, bytes / 1e6));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(out.resolve(name), text);
    }

    /** Runs a JDK tool in this process and returns what it printed; fails with its output when it fails. */
    static String tool(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new Failure(
                name + " is not in this Java (" + System.getProperty("java.home") + "): build with a full JDK 17+"));
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text, true);
        System.out.println("dist: " + name + " " + String.join(" ", args));
        int code = tool.run(writer, writer, args.toArray(String[]::new));
        if (code != 0) {
            throw new Failure(name + " failed (" + code + "):\n" + text);
        }
        return text.toString();
    }

    static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    static long treeSize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A step that cannot go on; its message says why. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** The desktop systems jpackage builds for. */
    enum Os {
        LINUX, MAC, WINDOWS;

        static Os current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            return name.startsWith("mac") ? MAC : name.startsWith("windows") ? WINDOWS : LINUX;
        }

        /** The app image jpackage made in {@code out}. */
        Path imageIn(Path out) {
            return out.resolve(this == MAC ? NAME + ".app" : NAME);
        }

        /** The system and processor in installer names, e.g. {@code linux-x64}. */
        String label() {
            String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
            String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : "x64";
            return (this == LINUX ? "linux" : this == MAC ? "mac" : "windows") + "-" + cpu;
        }
    }
}

/** The app icon in the format each system's jpackage takes, made from the PNGs in icons/. */
final class Icons {
    private static final int[] ICO_SIZES = {16, 32, 48, 64, 128, 256};
    /** ICNS entry types holding PNG data, by pixel size. */
    private static final Map<Integer, String> ICNS_TYPES = Map.of(16, "icp4", 32, "icp5", 64, "icp6",
            128, "ic07", 256, "ic08", 512, "ic09");

    private Icons() {
    }

    /** Writes aei.png, aei.ico and aei.icns to {@code dir} and returns the one {@code os} uses. */
    static Path write(Path icons, Path dir, Installers.Os os) throws IOException {
        Files.createDirectories(dir);
        Path png = Files.copy(icons.resolve("aei-256.png"), dir.resolve("aei.png"));
        Path ico = Files.write(dir.resolve("aei.ico"), ico(icons));
        Path icns = Files.write(dir.resolve("aei.icns"), icns(icons));
        return switch (os) {
            case LINUX -> png;
            case MAC -> icns;
            case WINDOWS -> ico;
        };
    }

    /** A Windows icon: a directory of PNG images (read by Windows Vista and later). */
    static byte[] ico(Path icons) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int size : ICO_SIZES) {
            images.add(Files.readAllBytes(icons.resolve("aei-" + size + ".png")));
        }
        int offset = 6 + 16 * images.size();
        ByteBuffer b = ByteBuffer.allocate(offset + images.stream().mapToInt(i -> i.length).sum())
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        for (int i = 0; i < images.size(); i++) {
            int size = ICO_SIZES[i];
            b.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32).putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(b::put);
        return b.array();
    }

    /** A macOS icon: PNG images in an 'icns' container (big-endian lengths that count their headers). */
    static byte[] icns(Path icons) throws IOException {
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        for (var e : new TreeMap<>(ICNS_TYPES).entrySet()) {
            byte[] png = Files.readAllBytes(icons.resolve("aei-" + e.getKey() + ".png"));
            entries.write(e.getValue().getBytes(StandardCharsets.US_ASCII));
            entries.write(ByteBuffer.allocate(4).putInt(8 + png.length).array());
            entries.write(png);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("icns".getBytes(StandardCharsets.US_ASCII));
        file.write(ByteBuffer.allocate(4).putInt(8 + entries.size()).array());
        entries.writeTo(file);
        return file.toByteArray();
    }
}

/**
 * Runs the Linux app image the way a user would, with no Java on the PATH and no JAVA_HOME: its
 * {@code aei --version} and {@code aei check} of a fixture, then its window opening that fixture
 * headless (the GUI tests' Monocle flags passed through JAVA_TOOL_OPTIONS, which the launcher's
 * Java reads), which shows as the fixture in the app's recent files.
 */
final class ImageCheck {
    private static final long TIMEOUT_SECONDS = 180;
    private final Path image;
    private final Path fixture;
    private final String version;
    private final Path home;

    ImageCheck(Path image, Path project, String version, Path work) {
        this.image = image;
        this.fixture = project.resolve("src/test/resources/dev/aei/fixture/v1-leak.aei.json").toAbsolutePath();
        this.version = version;
        this.home = work;
    }

    void run() throws Exception {
        Files.createDirectories(home.resolve("empty-path"));
        Path aei = image.resolve("bin/" + Installers.LAUNCHER);
        Result v = run(List.of(aei.toString(), "--version"), Map.of());
        expect(v, 0, "aei " + version, "Java home " + image.resolve("lib/runtime"));
        System.out.println("dist: check: the image's aei --version (no Java on the PATH):\n" + v.output.strip());

        Result check = run(List.of(aei.toString(), "check", fixture.toString()), Map.of());
        expect(check, 1, "CRITICAL leak-owner");
        System.out.println("dist: check: the image's aei check found the fixture's leak (exit 1, as it should)");

        Path config = home.resolve("config");
        Path app = image.resolve("bin/" + Installers.NAME);
        Process gui = start(List.of(app.toString(), fixture.toString()),
                Map.of("JAVA_TOOL_OPTIONS", Installers.HEADLESS + " -Daei.config.dir=" + config));
        Path recent = config.resolve("recent-files.json");
        try {
            long deadline = System.nanoTime() + TIMEOUT_SECONDS * 1_000_000_000L;
            while (!(Files.isRegularFile(recent) && Files.readString(recent).contains(fixture.getFileName().toString()))) {
                if (!gui.isAlive()) {
                    throw new Installers.Failure("the app image's window exited (" + gui.exitValue() + ") before "
                            + "opening the fixture:\n" + Files.readString(home.resolve("gui.log")));
                }
                if (System.nanoTime() > deadline) {
                    throw new Installers.Failure("the app image's window did not open the fixture within "
                            + TIMEOUT_SECONDS + " s:\n" + Files.readString(home.resolve("gui.log")));
                }
                Thread.sleep(200); // polling a file another process writes; nothing to wait on instead
            }
            System.out.println("dist: check: the image's window started headless and opened " + fixture.getFileName());
        } finally {
            gui.descendants().forEach(ProcessHandle::destroy);
            gui.destroy();
            gui.waitFor();
        }
    }

    private void expect(Result r, int code, String... texts) {
        boolean ok = r.code == code;
        for (String t : texts) {
            ok &= r.output.contains(t);
        }
        if (!ok) {
            throw new Installers.Failure("expected exit " + code + " and " + List.of(texts) + ", got exit " + r.code
                    + ":\n" + r.output);
        }
    }

    private Process start(List<String> command, Map<String, String> extraEnv) throws IOException {
        return bare(command, extraEnv).redirectOutput(home.resolve("gui.log").toFile()).start();
    }

    private Result run(List<String> command, Map<String, String> extraEnv) throws Exception {
        Process p = bare(command, extraEnv).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new Installers.Failure(command + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Result(p.exitValue(), output);
    }

    /** A process with no Java on the PATH, no JAVA_HOME and no display: only what the image brings. */
    private ProcessBuilder bare(List<String> command, Map<String, String> extraEnv) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", home.resolve("empty-path").toString());
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(extraEnv);
        return pb;
    }

    private record Result(int code, String output) {
    }
}
