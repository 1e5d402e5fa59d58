package dev.aei.ui.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@link AppSettings} as JSON in one file; a secret on disk makes the file owner-only. */
public final class SettingsStore {
    /** System property that moves the settings folder (tests point it at a temp dir). */
    public static final String DIR_PROPERTY = "aei.config.dir";

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SettingsStore(Path file) {
        this.file = file;
    }

    /**
     * The settings file in the folder named by {@value #DIR_PROPERTY}, else in
     * {@code ~/.config/agent-event-inspector}. A path, not a store: the app asks before its window
     * paints, and a store's JSON mapper loads hundreds of classes.
     */
    public static Path standardFile() {
        String dir = System.getProperty(DIR_PROPERTY);
        Path folder = dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".config", "agent-event-inspector");
        return folder.resolve("settings.json");
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or the defaults when there are none or the file is unreadable. */
    public AppSettings load() {
        if (!Files.isRegularFile(file)) {
            return AppSettings.defaults();
        }
        try {
            return json.readValue(file.toFile(), AppSettings.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Settings in {} could not be read ({}); using defaults", file, e.getMessage());
            return AppSettings.defaults();
        }
    }

    /** Writes the settings atomically; the secret is dropped unless the user asked to remember it. */
    public void save(AppSettings settings) throws IOException {
        AppSettings onDisk = settings.forDisk();
        writeAtomically(file, onDisk, !onDisk.secret().isEmpty());
    }

    /** The file beside the settings that keeps the main window's layouts. */
    public Path windowsFile() {
        return file.resolveSibling("windows.json");
    }

    /** The main window's saved layouts, or none when there are none or the file is unreadable. */
    public WindowLayouts loadWindows() {
        Path windows = windowsFile();
        if (!Files.isRegularFile(windows)) {
            return WindowLayouts.none();
        }
        try {
            return json.readValue(windows.toFile(), WindowLayouts.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Window layouts in {} could not be read ({}); using the default layout", windows, e.getMessage());
            return WindowLayouts.none();
        }
    }

    /** Writes the main window's layouts atomically, in a file of their own: they belong to this machine's screens. */
    public void saveWindows(WindowLayouts layouts) throws IOException {
        writeAtomically(windowsFile(), layouts, false);
    }

    private void writeAtomically(Path target, Object value, boolean ownerOnly) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp);
        if (ownerOnly) {
            restrictToOwner(temp);
        }
        json.writeValue(temp.toFile(), value);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrictToOwner(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
