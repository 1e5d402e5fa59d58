package dev.aei.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.RuleConfig;
import dev.aei.capture.Direction;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.protocol.Profile;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FeedPumpTest {

    @Start
    void start(Stage stage) {
        // no window needed: the pump only needs the FX thread and its pulses
    }

    @Test
    void handsEveryFrameToListenersInBatchesOnTheFxThread(FxRobot robot) throws Exception {
        CaptureFeed feed = new CaptureFeed();
        Session session = Session.start("ws://localhost/ws", "header", "netra");
        feed.attach(session, Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null));
        FeedPump pump = new FeedPump(feed, 500);
        AtomicInteger frames = new AtomicInteger();
        AtomicInteger batches = new AtomicInteger();
        AtomicBoolean offThread = new AtomicBoolean();
        pump.addListener(batch -> {
            offThread.compareAndSet(false, !Platform.isFxApplicationThread());
            batches.incrementAndGet();
            frames.addAndGet(batch.frames().size());
        });
        robot.interact(pump::start);

        int total = 6_000;
        Thread producer = new Thread(() -> {
            Lane lane = session.addLane("alice", Map.of());
            for (int i = 0; i < total; i++) {
                session.appendText(lane, Direction.IN, "{\"type\":\"agent_thinking\"}");
            }
        });
        producer.start();
        producer.join();
        // findings travel with the frames: wait until the whole queue is drained, not only the frames
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> frames.get() == total && pump.backlog() == 0);
        robot.interact(pump::stop);

        assertThat(offThread).isFalse();
        assertThat(batches.get()).isGreaterThanOrEqualTo(total / 500).isLessThan(total);
        assertThat(pump.framesDrained()).isEqualTo(total);
        assertThat(pump.backlog()).isZero();
        assertThat(pump.pulseStats().count()).isPositive();
    }
}
