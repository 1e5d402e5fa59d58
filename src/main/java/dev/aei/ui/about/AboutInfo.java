package dev.aei.ui.about;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the about dialog tells: the app's version and the Java and JavaFX it runs on.
 *
 * @param version the app's version, or {@value #DEVELOPMENT} when the build did not stamp one
 * @param java    the Java runtime's version and vendor
 * @param javafx  the JavaFX runtime's version, or "unknown" before the toolkit started
 */
public record AboutInfo(String version, String java, String javafx) {
    /** Shown when no build stamped a version (e.g. classes run straight from an IDE). */
    public static final String DEVELOPMENT = "development build";

    /** The running app's facts. */
    public static AboutInfo current() {
        return new AboutInfo(buildVersion(AboutInfo.class.getResourceAsStream("build.properties")),
                System.getProperty("java.version", "unknown") + " (" + System.getProperty("java.vendor", "?") + ")",
                System.getProperty("javafx.runtime.version", System.getProperty("javafx.version", "unknown")));
    }

    /** The version in a build properties stream (closed here); {@value #DEVELOPMENT} when absent or unfilled. */
    static String buildVersion(InputStream properties) {
        if (properties == null) {
            return DEVELOPMENT;
        }
        Properties read = new Properties();
        try (InputStream in = properties) {
            read.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return DEVELOPMENT;
        }
        String version = read.getProperty("version", "").strip();
        return version.isEmpty() || version.contains("${") ? DEVELOPMENT : version;
    }
}
