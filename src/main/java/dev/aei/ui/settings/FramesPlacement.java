package dev.aei.ui.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Where the frames table sits: a tab beside the timeline or a split under it. Kept in a small file
 * of its own beside the settings ({@value #FILE_NAME}), read once at start and written when changed.
 */
public enum FramesPlacement {
    /** A tab beside the timeline's tab. */
    TAB,
    /** Under the timeline, both visible. */
    SPLIT;

    /** The file name beside the settings file. */
    public static final String FILE_NAME = "frames-table.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The other placement. */
    public FramesPlacement other() {
        return this == TAB ? SPLIT : TAB;
    }

    /** The placement saved beside {@code settingsFile}; {@link #TAB} when none was saved or it cannot be read. */
    public static FramesPlacement load(Path settingsFile) {
        Path file = settingsFile.resolveSibling(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return TAB;
        }
        try {
            Object value = JSON.readValue(file.toFile(), Map.class).get("placement");
            return SPLIT.name().equals(value) ? SPLIT : TAB;
        } catch (IOException | RuntimeException e) {
            return TAB;
        }
    }

    /** Saves this placement beside {@code settingsFile} (written whole, then moved into place). */
    public void save(Path settingsFile) throws IOException {
        Path file = settingsFile.resolveSibling(FILE_NAME);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(FILE_NAME + ".tmp");
        JSON.writeValue(temp.toFile(), Map.of("placement", name()));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
