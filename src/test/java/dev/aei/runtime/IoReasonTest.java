package dev.aei.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoReasonTest {
    @TempDir
    Path dir;

    @Test
    void javasFileExceptionsThatOnlyNameThePathGetAReason() {
        assertThat(IoReason.of(new NoSuchFileException("x.json"))).isEqualTo("no such file or folder");
        assertThat(IoReason.of(new AccessDeniedException("x.json"))).isEqualTo("permission denied");
        assertThat(IoReason.of(new DirectoryNotEmptyException("full"))).isEqualTo("it is a folder that is not empty");
        assertThat(IoReason.of(new MalformedInputException(1))).isEqualTo("it is not UTF-8 text (a binary file?)");
        assertThat(IoReason.of(new IOException("disk full"))).isEqualTo("disk full");
    }

    @Test
    void aRealFailureReadsAsItsReason() throws IOException {
        Path binary = Files.write(dir.resolve("key.pem"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThat(reasonReading(binary)).isEqualTo("it is not UTF-8 text (a binary file?)");
        assertThat(reasonReading(dir.resolve("missing.json"))).isEqualTo("no such file or folder");
    }

    private static String reasonReading(Path file) {
        try {
            Files.readString(file);
            return "read";
        } catch (IOException e) {
            return IoReason.of(e);
        }
    }
}
