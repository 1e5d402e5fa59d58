package dev.aei.ui.files;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The recently opened files as a JSON list of paths, kept next to the settings file. */
public final class RecentFiles {
    private static final Logger LOG = LoggerFactory.getLogger(RecentFiles.class);
    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public RecentFiles(Path file) {
        this.file = file;
    }

    /** The store beside a settings file. */
    public static RecentFiles besideSettings(Path settingsFile) {
        return new RecentFiles(settingsFile.resolveSibling("recent-files.json"));
    }

    /** The saved paths, newest first; empty when none or unreadable. */
    public List<Path> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<String> names = json.readValue(file.toFile(), new TypeReference<List<String>>() { });
            return names.stream().map(Path::of).toList();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Recent files in {} could not be read: {}", file, e.getMessage());
            return List.of();
        }
    }

    /** Writes the paths atomically. */
    public void save(List<Path> paths) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        json.writeValue(temp.toFile(), paths.stream().map(Path::toString).toList());
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
