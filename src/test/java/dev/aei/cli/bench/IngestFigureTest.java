package dev.aei.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figure 1 with its two sides in processes of their own, at a size that takes seconds. */
class IngestFigureTest {
    /** 3 users, 2 runs each, one warm-up and two measured rounds per side. */
    private static final BenchSizes TINY = new BenchSizes(true, 3, 2, 1, 2, 2_000, 5, 1, 1, 2_000, 3);

    @Test
    void bothSidesReportEveryFrameOfTheirRounds(@TempDir Path dir) throws Exception {
        BenchReport report = new BenchReport(TINY.label());

        new IngestFigure(TINY).run(dir, report);

        assertThat(report.rows()).singleElement().satisfies(row -> {
            assertThat(row.figure()).isEqualTo("1 ingest");
            assertThat(row.ratio()).matches("\\d+\\.\\d\\d");
        });
        assertThat(report.values()).containsEntry("ingest_lost_frames", 0L);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("ingest: the inspector received " + (2 * 3 * 2 * IngestClient.EVENTS_PER_RUN) + " frames");
    }
}
