package dev.aei.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny bench run produces the table and the JSON summary (no figure's value is checked). It runs
 * in a JVM of its own: the bench starts the JavaFX toolkit and its windows as the jar does, not as
 * TestFX does, and GUI test classes after it in the same JVM got no robot input.
 */
@Tag("own-jvm")
class BenchSmokeTest {
    /** Small enough to take seconds: 3 users, 2 runs each, a 2,000-event session, one round. */
    private static final BenchSizes TINY = new BenchSizes(true, 3, 2, 1, 1, 2_000, 5, 1, 1, 2_000, 3);

    @Test
    void printsOneRowPerFigureAndWritesTheJsonKeys(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchReport report = new Bench(TINY, new PrintStream(log, true, StandardCharsets.UTF_8)).run();

        ByteArrayOutputStream table = new ByteArrayOutputStream();
        report.print(new PrintStream(table, true, StandardCharsets.UTF_8));
        String printed = table.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("| figure", "| ours", "| reference", "| ratio", "| goal", "| result");
        assertThat(report.rows()).extracting(Row::figure)
                .containsExactlyInAnyOrder("1 ingest", "2 UI", "3 scale", "4 memory", "5 fixture", "6 rules",
                        "7 start", "7 start cli", "8 frames");
        report.rows().forEach(row -> assertThat(printed).contains(row.figure()));
        assertThat(printed).as("a quick run says its verdicts are indicative").contains("only a full run judges");

        Path json = dir.resolve("bench.json");
        report.writeJson(json);
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        List<String> keys = new ArrayList<>();
        written.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(BenchReport.KEYS);
    }
}
