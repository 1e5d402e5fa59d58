package dev.aei.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/**
 * What this build of the app is and what it runs on: its version and git commit (stamped by the build),
 * and the Java and JavaFX versions of the running process. Headless: reads JavaFX's version without
 * touching the toolkit.
 *
 * @param version     the app's version, or {@value #UNKNOWN} when it was not built by Maven
 * @param commit      the short git commit it was built from, or {@value #UNKNOWN} (e.g. from a source archive)
 * @param javaVersion the running Java version and vendor
 * @param javaHome    the Java runtime's folder (inside an installed app, its own runtime)
 * @param javaFx      the JavaFX version on the class path, or {@value #UNKNOWN}
 */
public record AppVersion(String version, String commit, String javaVersion, String javaHome, String javaFx) {

    /** Shown for anything the build or the runtime did not say. */
    public static final String UNKNOWN = "unknown";

    /** Where the build writes the version and commit (see the pom's build-info step). */
    static final String BUILD_INFO = "/dev/aei/runtime/build.properties";
    /** JavaFX's own version file at the root of its base module. */
    static final String JAVAFX_INFO = "/javafx.properties";

    public AppVersion {
        version = orUnknown(version);
        commit = orUnknown(commit);
        javaVersion = orUnknown(javaVersion);
        javaHome = orUnknown(javaHome);
        javaFx = orUnknown(javaFx);
    }

    /** This process: the build stamp on the class path, the running Java and the JavaFX it would load. */
    public static AppVersion current() {
        Properties build = load(BUILD_INFO);
        Properties fx = load(JAVAFX_INFO);
        String javaFx = firstKnown(fx.getProperty("javafx.runtime.version"), fx.getProperty("javafx.version"),
                System.getProperty("javafx.runtime.version"), System.getProperty("javafx.version"),
                build.getProperty("javafx"));
        String java = Runtime.version() + " (" + System.getProperty("java.vendor", UNKNOWN) + ")";
        return new AppVersion(stamped(build.getProperty("version")), stamped(build.getProperty("commit")), java,
                System.getProperty("java.home"), javaFx);
    }

    /** The lines {@code aei --version} prints and the About dialog can show. */
    public List<String> lines() {
        return List.of("aei " + version, "commit " + commit, "Java " + javaVersion, "Java home " + javaHome,
                "JavaFX " + javaFx);
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = AppVersion.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable stamp leaves the values unknown; the version line must never fail
        }
        return p;
    }

    /** A value the build left unfilled (an IDE copied the file as is) counts as unknown. */
    static String stamped(String value) {
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.trim();
    }

    private static String firstKnown(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return UNKNOWN;
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? UNKNOWN : s;
    }
}
