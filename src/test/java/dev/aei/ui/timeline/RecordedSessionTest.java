package dev.aei.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.aei.analysis.Analyzer;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.Severity;
import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.TestUser;
import dev.aei.capture.Session;
import dev.aei.net.AuthMode;
import dev.aei.net.ConnectionSettings;
import dev.aei.net.SessionConnector;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.Profile;
import dev.aei.server.BackendConfig;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.server.ReferenceBackend;
import dev.aei.ui.feed.CaptureFeed;
import dev.aei.ui.feed.FeedPump;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Records a real session from the reference backend and puts it on the timeline, live. */
@ExtendWith(ApplicationExtension.class)
class RecordedSessionTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> USERS = List.of("alice", "bob");

    private TimelineView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new TimelineView(new EventDecoder(Profile.load("netra")));
        stage.setScene(new Scene(new StackPane(view), 1100, 200));
        stage.show();
    }

    @Test
    void aLiveTwoUserSessionWithALeakShowsOnTheTimeline(FxRobot robot) throws Exception {
        CaptureFeed feed = new CaptureFeed();
        FeedPump pump = new FeedPump(feed);
        pump.addListener(view);
        robot.interact(pump::start);
        Session session = record(feed);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> feed.backlog() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(pump::stop);

        assertThat(view.laneIds()).containsExactlyElementsOf(USERS);
        for (String user : USERS) {
            assertThat(view.model().find(user).events().size()).isEqualTo(session.lane(user).frames().size());
        }
        assertThat(view.model().find("alice").worstFinding()).isEqualTo(Severity.CRITICAL);

        robot.interact(view::zoomToFit);
        robot.interact(() -> save("timeline.png"));
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> save("timeline-dark.png"));
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    /** alice and bob ask at the same instant; bob's first thought also goes to alice. */
    private static Session record(CaptureFeed feed) throws Exception {
        BackendConfig config = BackendConfig.defaults().withEventDelayMs(60)
                .withFaults(List.of(new FaultRule("bob", 1, "agent_thinking", FaultType.LEAK, "alice", 0)));
        try (ReferenceBackend backend = ReferenceBackend.start(config)) {
            Session session = Session.start(backend.webSocketUrl().toString(), "header", "netra");
            feed.attach(session, new Analyzer(new EventDecoder(Profile.load("netra")), RuleConfig.defaults(), null));
            try (SessionConnector connector = new SessionConnector(session,
                    ConnectionSettings.of(backend.webSocketUrl(), AuthMode.HEADER),
                    MintingTokenSource.hs256(BackendConfig.DEMO_SECRET))) {
                connector.connectAll(USERS.stream().map(TestUser::named).toList()).get(30, TimeUnit.SECONDS);
                connector.sendPrompt(USERS, "Compare Q3 cloud costs by team");
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> USERS.stream().allMatch(user ->
                        session.lane(user).frames().stream().anyMatch(f -> f.text() != null
                                && f.text().contains("\"agent_completed\""))));
            }
            return session;
        }
    }

    private void save(String name) {
        try {
            view.snapshotPng(SCREENSHOTS.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
