package dev.aei.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aei.capture.JournalLoad;
import dev.aei.capture.JournalReader;
import dev.aei.fixture.ExportOptions;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.FixtureLimits;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile imports the fixture tests leave out: HAR files over the size, lane and message limits,
 * 100,000-deep nesting, huge numbers and invalid UTF-8 in fixtures and HAR, hostile journal lines.
 * Each gives a clear error naming the file (or, for a journal, costs only its bad lines).
 */
class ImportLimitsTest {
    private static final String FIXTURE = "{\"format\":\"aei-fixture\",\"version\":1,";
    private static final String DEEP = "[".repeat(100_000) + "]".repeat(100_000);

    @TempDir
    Path dir;

    private final SessionFiles files = SessionFiles.defaults();

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String har(String messages, int sockets) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < sockets; i++) {
            entries.append(i == 0 ? "" : ",").append("{\"_resourceType\":\"websocket\",\"request\":{\"method\":\"GET\","
                    + "\"url\":\"ws://127.0.0.1/ws\",\"headers\":[]},\"_webSocketMessages\":[").append(messages).append("]}");
        }
        return "{\"log\":{\"version\":\"1.2\",\"entries\":[" + entries + "]}}";
    }

    private static String messages(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ",").append("{\"type\":\"receive\",\"time\":1767261600.").append(i)
                    .append(",\"opcode\":1,\"data\":\"{}\"}");
        }
        return text.toString();
    }

    private void assertRejected(SessionFiles reader, Path file, String... words) {
        assertThatThrownBy(() -> reader.open(file, Progress.NONE)).isInstanceOf(FixtureException.class)
                .message().contains(file.getFileName().toString()).contains(List.of(words).isEmpty() ? List.of("")
                        : List.of(words));
    }

    @Test
    void harOverTheMessageAndLaneLimits() throws Exception {
        SessionFiles strict = new SessionFiles(new FixtureLimits(1 << 20, 32, 10, 1 << 16, 3), ExportOptions.defaults());
        assertThat(strict.open(write("fits.har", har(messages(5), 2)), Progress.NONE).session().frameCount())
                .isEqualTo(10);
        assertRejected(strict, write("messages.har", har(messages(11), 1)), "more than 10 WebSocket messages");
        assertRejected(strict, write("sockets.har", har("", 4)), "more than 3 WebSocket entries");
    }

    @Test
    void harLargerThanTheSizeLimit() throws Exception {
        Path big = dir.resolve("big.har");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write("{\"log\":{\"entries\":[".getBytes(StandardCharsets.UTF_8));
            file.setLength(3L << 30); // sparse: claims 3 GiB without using the disk
        }
        assertRejected(files, big, "above the limit");
    }

    @Test
    void hundredThousandDeepNestingIsRefusedNotAStackOverflow() throws Exception {
        assertRejected(files, write("deep.aei.json", FIXTURE + "\"lanes\":[{\"user\":\"a\",\"frames\":" + DEEP + "}]}"),
                "expected an object");
        assertRejected(files, write("deep-claims.aei.json", FIXTURE + "\"users\":[{\"id\":\"a\",\"claims\":{\"x\":"
                + DEEP + "}}]}"), "nesting depth");
        assertRejected(files, write("deep.har", "{\"log\":{\"entries\":[{\"request\":{\"x\":" + DEEP + "}}]}}"),
                "nesting depth");
        assertRejected(files, write("deep-open.har", "{\"log\":{\"entries\":[{\"request\":{\"x\":"
                + "[".repeat(100_000)), "nesting depth");
    }

    @Test
    void hugeNumbersAndWrongTypesInHar() throws Exception {
        for (String time : new String[] {"1e999999", "9".repeat(400), "-1e999999", "\"soon\"", "null", "[]"}) {
            Path file = write("time.har", har("{\"type\":\"receive\",\"time\":" + time + ",\"opcode\":1,\"data\":\"{}\"}", 1));
            assertThatThrownBy(() -> files.open(file, Progress.NONE)).as("time %s", time)
                    .isInstanceOf(FixtureException.class).message().contains("time.har");
        }
        assertRejected(files, write("opcode.har", har("{\"type\":\"receive\",\"time\":1,\"opcode\":1e999999,"
                + "\"data\":\"{}\"}", 1)));
        // Binary data that is not base64 is kept as its bytes rather than refused.
        Path notBase64 = write("base64.har", har("{\"type\":\"receive\",\"time\":1,\"opcode\":2,"
                + "\"data\":\"***not base64***\"}", 1));
        assertThat(files.open(notBase64, Progress.NONE).session().lanes().get(0).frames()).singleElement()
                .satisfies(f -> assertThat(f.bytes()).isEqualTo("***not base64***".getBytes(StandardCharsets.UTF_8)));
        assertRejected(files, write("messages-object.har", "{\"log\":{\"entries\":[{\"_resourceType\":\"websocket\","
                + "\"request\":{\"url\":\"ws://x/ws\"},\"_webSocketMessages\":{\"type\":\"receive\"}}]}}"));
    }

    @Test
    void invalidUtf8InAFixtureOrHarIsAClearError() throws Exception {
        byte[] bad = (FIXTURE + "\"lanes\":[{\"user\":\"a\",\"frames\":[{\"dir\":\"in\",\"nanos\":1,\"text\":\"\u0000\"}]}]}")
                .getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 7] = (byte) 0xC3; // the NUL becomes the first half of a two-byte character
        Path fixture = Files.write(dir.resolve("utf8.aei.json"), bad);
        Path harFile = Files.write(dir.resolve("utf8.har"), (har("{\"type\":\"receive\",\"time\":1,\"opcode\":1,"
                + "\"data\":\"\u0000\"}", 1)).getBytes(StandardCharsets.UTF_8));
        byte[] harBytes = Files.readAllBytes(harFile);
        for (int i = 0; i < harBytes.length; i++) {
            if (harBytes[i] == 0) {
                harBytes[i] = (byte) 0xFF;
            }
        }
        Files.write(harFile, harBytes);
        for (Path file : new Path[] {fixture, harFile}) {
            try {
                files.open(file, Progress.NONE);
            } catch (FixtureException e) {
                assertThat(e.getMessage()).contains(file.getFileName().toString());
            }
        }
    }

    @Test
    void hostileJournalLinesCostOnlyThemselves() throws Exception {
        String header = "{\"line\":\"header\",\"format\":\"aei-journal/1\",\"server_url\":\"ws://x\",\"auth_mode\":\"header\","
                + "\"profile\":\"netra\",\"start_wall_millis\":1}";
        String frame = "{\"line\":\"frame\",\"lane\":\"alice\",\"index\":0,\"dir\":\"in\",\"nanos\":5,\"wall\":1,"
                + "\"opcode\":\"text\",\"text\":\"{}\"}";
        Path journal = write("hostile.jsonl", String.join("\n", header, "{\"line\":\"lane\",\"lane\":\"alice\","
                + "\"claims\":{}}", DEEP, "{\"line\":\"frame\",\"lane\":\"alice\",\"nanos\":1e999999}",
                "{\"line\":\"frame\",\"lane\":\"alice\",\"nanos\":" + "9".repeat(400) + "}",
                "{\"line\":\"frame\",\"lane\":" + DEEP + "}", "\u0000\u0001garbage", frame, "{\"line\":\"fra"));

        JournalLoad load = new JournalReader().load(journal);

        assertThat(load.session().lane("alice").frames()).hasSize(1);
        assertThat(load.skippedLines()).isEqualTo(6);
    }
}
