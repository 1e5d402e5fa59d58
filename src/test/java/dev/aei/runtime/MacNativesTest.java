package dev.aei.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copying the Mac libraries of this processor out of a real jar, as the app does before JavaFX starts. */
class MacNativesTest {
    @TempDir
    Path dir;
    private Path jar;
    private Path cache;

    @BeforeEach
    void jarWithBothMacBuilds() throws IOException {
        jar = dir.resolve("aei.jar");
        cache = dir.resolve("cache");
        write(jar, Map.of(
                "dev/aei/Some.class", "classes",
                "libglass.so", "linux",
                "natives/mac-x64/libglass.dylib", "intel glass",
                "natives/mac-x64/libprism_sw.dylib", "intel prism",
                "natives/mac-aarch64/libglass.dylib", "arm glass",
                "natives/mac-aarch64/libprism_sw.dylib", "arm prism"));
    }

    private static void write(Path zip, Map<String, String> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    @Test
    void appleSiliconGetsTheArmLibrariesAndIntelTheIntelOnes() throws IOException {
        Path arm = new MacNatives("Mac OS X", "aarch64", jar, cache).prepare().orElseThrow();
        assertThat(Files.readString(arm.resolve("libglass.dylib"))).isEqualTo("arm glass");
        assertThat(Files.readString(arm.resolve("libprism_sw.dylib"))).isEqualTo("arm prism");
        Path intel = new MacNatives("Mac OS X", "x86_64", jar, cache).prepare().orElseThrow();
        assertThat(Files.readString(intel.resolve("libglass.dylib"))).isEqualTo("intel glass");
        assertThat(intel).isNotEqualTo(arm);
        try (var files = Files.list(arm)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("libglass.dylib",
                    "libprism_sw.dylib");
        }
    }

    @Test
    void theLibrariesAreCopiedOnceAndADamagedCopyIsReplaced() throws IOException {
        Path first = new MacNatives("Mac OS X", "aarch64", jar, cache).prepare().orElseThrow();
        Path glass = first.resolve("libglass.dylib");
        FileTime written = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(glass, written);
        Path second = new MacNatives("Mac OS X", "aarch64", jar, cache).prepare().orElseThrow();
        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(glass)).isEqualTo(written);

        Files.writeString(glass, "arm"); // cut short, as by a crash while copying
        new MacNatives("Mac OS X", "aarch64", jar, cache).prepare();
        assertThat(Files.readString(glass)).isEqualTo("arm glass");
    }

    @Test
    void anotherBuildOfTheLibrariesGetsAFolderOfItsOwn() throws IOException {
        Path before = new MacNatives("Mac OS X", "aarch64", jar, cache).prepare().orElseThrow();
        write(jar, Map.of("natives/mac-aarch64/libglass.dylib", "newer arm glass"));
        Path after = new MacNatives("Mac OS X", "aarch64", jar, cache).prepare().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(Files.readString(after.resolve("libglass.dylib"))).isEqualTo("newer arm glass");
    }

    @Test
    void nothingHappensElsewhere() throws IOException {
        assertThat(new MacNatives("Linux", "amd64", jar, cache).prepare()).isEmpty();
        assertThat(new MacNatives("Windows 11", "amd64", jar, cache).prepare()).isEmpty();
        assertThat(new MacNatives("Mac OS X", "ppc", jar, cache).prepare()).isEmpty();
        assertThat(new MacNatives("Mac OS X", "aarch64", null, cache).prepare()).isEmpty();
        Path plain = dir.resolve("plain.jar");
        write(plain, Map.of("dev/aei/Some.class", "classes"));
        assertThat(new MacNatives("Mac OS X", "aarch64", plain, cache).prepare()).isEmpty();
        assertThat(cache).doesNotExist();
    }

    @Test
    void aBrokenJarIsReportedNotThrown() throws IOException {
        Path broken = dir.resolve("broken.jar");
        Files.writeString(broken, "not a zip");
        assertThat(new MacNatives("Mac OS X", "aarch64", broken, cache).prepare()).isEmpty();
    }
}
