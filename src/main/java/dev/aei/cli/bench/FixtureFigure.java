package dev.aei.cli.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.aei.capture.Session;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Figure 5: saving and loading the session as a fixture (defaults: redacted), against a raw
 * Jackson streaming parse of the same file that reads every string; rounds alternate the order.
 */
final class FixtureFigure {
    static final double GOAL_RATIO = 0.5;

    private final BenchSizes sizes;
    private final SessionFiles files = SessionFiles.defaults();
    private final JsonFactory factory = new JsonFactory();

    FixtureFigure(BenchSizes sizes) {
        this.sizes = sizes;
    }

    void run(Session session, Path dir, BenchReport report) throws Exception {
        Path file = dir.resolve("bench.aei.json");
        Alternation.Medians ms = Alternation.run(sizes.rounds(), 1, () -> saveAndLoad(session, file),
                () -> rawParse(file));
        long bytes = Files.size(file);
        double replacing = saveOver(session, file);
        Files.deleteIfExists(file);
        double oursMs = ms.ours();
        double rawMs = ms.reference();
        double ratio = rawMs / oursMs;
        report.add(new Row("5 fixture", "save + load of a " + Fmt.count(session.frameCount()) + "-event fixture ("
                + Fmt.count(bytes / 1_048_576.0) + " MiB) vs a raw streaming parse of it (median of "
                + sizes.rounds() + "; ratio = parse / ours)", Fmt.millis(oursMs), Fmt.millis(rawMs) + " parse",
                Fmt.ratio(ratio), ">= " + GOAL_RATIO, Row.Verdict.of(ratio >= GOAL_RATIO)));
        report.value("fixture_ratio", Fmt.round2(ratio));
        report.note("fixture: saving over the existing file (a second save to the same name) took "
                + Fmt.millis(replacing) + " against " + Fmt.millis(saveOnly(session, file)) + " for a first save");
    }

    /** Milliseconds to save the session over the file that is there (its replacement is the file system's work). */
    private double saveOver(Session session, Path file) throws FixtureException {
        long start = System.nanoTime();
        save(session, file);
        return (System.nanoTime() - start) / 1e6;
    }

    private void save(Session session, Path file) throws FixtureException {
        files.save(Fixture.of(session, List.of()), file, Progress.NONE);
    }

    /** Milliseconds to save the session to a new file. */
    private double saveOnly(Session session, Path file) throws Exception {
        Files.deleteIfExists(file);
        return saveOver(session, file);
    }

    /**
     * Milliseconds to save the session to a new file and load it back (checking nothing was lost).
     * The last round's file is deleted first, off the clock: each round is a first save, not a save
     * over an earlier file, whose cost is the file system's and is reported apart.
     */
    private double saveAndLoad(Session session, Path file) throws Exception {
        Files.deleteIfExists(file);
        long start = System.nanoTime();
        save(session, file);
        Fixture loaded = files.open(file, Progress.NONE);
        double ms = (System.nanoTime() - start) / 1e6;
        if (loaded.session().frameCount() != session.frameCount()) {
            throw new IllegalStateException("the fixture lost frames: " + loaded.session().frameCount()
                    + " of " + session.frameCount());
        }
        return ms;
    }

    /** Milliseconds to stream through the file, materialising every string value. */
    private double rawParse(Path file) throws IOException {
        long start = System.nanoTime();
        long chars = 0;
        try (JsonParser parser = factory.createParser(file.toFile())) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    chars += parser.getText().length();
                }
            }
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (chars == 0) {
            throw new IllegalStateException("the fixture has no text");
        }
        return ms;
    }
}
