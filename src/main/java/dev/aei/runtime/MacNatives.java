package dev.aei.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets JavaFX find its macOS libraries in aei.jar. The Intel and Apple silicon builds of JavaFX name
 * their libraries alike, so the jar keeps each set in a folder of its own ({@code natives/mac-x64},
 * {@code natives/mac-aarch64}) instead of at its root where JavaFX looks; before the toolkit starts,
 * this copies the set for this processor to a cache folder and puts that folder on the library path
 * JavaFX searches next. Does nothing on other systems or when the app does not run from a jar.
 */
public final class MacNatives {
    private static final Logger LOG = LoggerFactory.getLogger(MacNatives.class);
    /** Where aei.jar keeps a Mac architecture's libraries: this plus {@code x64/} or {@code aarch64/}. */
    static final String FOLDER = "natives/mac-";

    private final String osName;
    private final String osArch;
    private final Path jar;
    private final Path cacheRoot;

    /** The libraries in {@code jar} for the given system, copied under {@code cacheRoot}. */
    MacNatives(String osName, String osArch, Path jar, Path cacheRoot) {
        this.osName = osName;
        this.osArch = osArch;
        this.jar = jar;
        this.cacheRoot = cacheRoot;
    }

    /** Prepares this process's JavaFX libraries on macOS; call before the JavaFX toolkit starts. */
    public static void install() {
        forThisProcess().prepare().ifPresent(dir -> {
            String path = System.getProperty("java.library.path", "");
            System.setProperty("java.library.path", path.isEmpty() ? dir.toString()
                    : dir + File.pathSeparator + path);
        });
    }

    private static MacNatives forThisProcess() {
        Path cache = Path.of(System.getProperty("user.home"), "Library", "Caches", "agent-event-inspector");
        return new MacNatives(System.getProperty("os.name", ""), System.getProperty("os.arch", ""), ownJar(), cache);
    }

    /** The jar this class was loaded from, or null when it runs from a classes folder. */
    private static Path ownJar() {
        try {
            CodeSource source = MacNatives.class.getProtectionDomain().getCodeSource();
            Path path = source == null ? null : Path.of(source.getLocation().toURI());
            return path != null && Files.isRegularFile(path) ? path : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /**
     * Copies this system's libraries out of the jar (once: the folder is named after their checksums)
     * and returns their folder; empty when there is nothing to do or the copy failed (then JavaFX
     * reports what it could not load).
     */
    Optional<Path> prepare() {
        Optional<String> arch = archFolder();
        if (!osName.toLowerCase(Locale.ROOT).startsWith("mac") || jar == null || arch.isEmpty()) {
            return Optional.empty();
        }
        String prefix = FOLDER + arch.get() + "/";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> libraries = zip.stream()
                    .filter(e -> !e.isDirectory() && e.getName().startsWith(prefix)).toList();
            if (libraries.isEmpty()) {
                return Optional.empty();
            }
            Path dir = cacheRoot.resolve("javafx-" + arch.get() + "-" + fingerprint(libraries));
            Files.createDirectories(dir);
            for (ZipEntry entry : libraries) {
                copyIfMissing(zip, entry, dir.resolve(entry.getName().substring(prefix.length())));
            }
            return Optional.of(dir);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The JavaFX libraries for macOS could not be copied out of {}: {}", jar, e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code x64} or {@code aarch64} for the processor Java reports, empty for others. */
    private Optional<String> archFolder() {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "aarch64", "arm64" -> Optional.of("aarch64");
            case "x86_64", "amd64" -> Optional.of("x64");
            default -> Optional.empty();
        };
    }

    /** One checksum over the names and checksums of the libraries, so another build gets a folder of its own. */
    private static String fingerprint(List<? extends ZipEntry> libraries) {
        CRC32 crc = new CRC32();
        for (ZipEntry e : libraries) {
            crc.update(e.getName().getBytes(UTF_8));
            crc.update(Long.toString(e.getCrc()).getBytes(UTF_8));
        }
        return Long.toHexString(crc.getValue());
    }

    /**
     * Writes the library unless a complete copy is there; through a temporary file and a rename, so a
     * second app starting at the same time never loads a half-written one.
     */
    private static void copyIfMissing(ZipFile zip, ZipEntry entry, Path target) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) == entry.getSize()) {
            return;
        }
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
