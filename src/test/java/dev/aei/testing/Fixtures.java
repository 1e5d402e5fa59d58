package dev.aei.testing;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.SessionReplay;
import dev.aei.capture.Session;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.protocol.Profile;
import java.nio.file.Path;

/** Saves a session built in a test as a fixture with the findings an offline check gives it. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Analyses the session with the netra profile and default rules, then saves it to {@code file}. */
    public static void saveAnalysed(Session session, Path file) throws FixtureException {
        Analyzer analyzer = Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null);
        SessionFiles.defaults().save(Fixture.of(session, SessionReplay.analyze(session, analyzer)), file, Progress.NONE);
    }
}
