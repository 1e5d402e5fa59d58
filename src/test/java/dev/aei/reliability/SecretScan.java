package dev.aei.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The secrets a test handed the tool, and a scan of files for any of them. A JWT counts as found
 * when its signature is (the part that makes it a credential), so cut-off copies are caught too.
 */
final class SecretScan {
    private final Set<String> needles = new LinkedHashSet<>();

    /** A secret value: found anywhere, it is a leak. */
    SecretScan secret(String value) {
        needles.add(value);
        return this;
    }

    /** JWTs: each whole token and its signature. */
    SecretScan tokens(List<String> jwts) {
        for (String jwt : jwts) {
            needles.add(jwt);
            needles.add(jwt.substring(jwt.lastIndexOf('.') + 1));
        }
        return this;
    }

    Set<String> needles() {
        return needles;
    }

    /** Every regular file under the folder, with the secrets each contains (empty list: clean). */
    List<String> leaksIn(Path folder, Set<Path> allowedToContain) throws IOException {
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (allowedToContain.contains(file)) {
                    continue;
                }
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String needle : needles) {
                    if (text.contains(needle)) {
                        leaks.add(folder.relativize(file) + " contains " + needle.substring(0, Math.min(12, needle.length()))
                                + "…");
                    }
                }
            }
        }
        return leaks;
    }

    /** The files under the folder, for showing what was scanned. */
    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
