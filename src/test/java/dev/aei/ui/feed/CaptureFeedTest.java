package dev.aei.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.Severity;
import dev.aei.capture.Direction;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.fixture.FileKind;
import dev.aei.inspect.Shown;
import java.nio.file.Path;
import dev.aei.protocol.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CaptureFeedTest {

    @Test
    void aChangeOfWhatIsShownStartsABatchAndDropsWhatWasQueuedBeforeIt() {
        CaptureFeed feed = new CaptureFeed();
        Session live = Session.start("ws://localhost/ws", "header", "netra");
        Analyzer analyzer = Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null);
        feed.attach(live, analyzer);
        Lane alice = live.addLane("alice", Map.of());
        live.appendText(alice, Direction.IN, "not json");
        analyzer.catchUp(); // the frame is decoded and queued for the window before the change
        Session file = Session.start("ws://recorded/ws", "header", "netra");
        feed.shown(Shown.file(Path.of("x.aei.json"), FileKind.FIXTURE, file));
        feed.laneAdded(file.addLane("carol", Map.of()));

        FeedBatch batch = feed.drain(100);

        assertThat(batch.shown().session()).as("the change comes first").isSameAs(file);
        assertThat(batch.lanes()).as("what was queued before the change is dropped undrawn").containsExactly("carol");
        assertThat(batch.frames()).isEmpty();
        assertThat(feed.backlog()).isZero();
    }

    @Test
    void aBatchNeverSpansAChange() {
        CaptureFeed feed = new CaptureFeed();
        Session first = Session.start("ws://a/ws", "header", "netra");
        feed.shown(Shown.live(first));
        feed.laneAdded(first.addLane("alice", Map.of()));
        FeedBatch one = feed.drain(100);
        assertThat(one.shown().mode()).isEqualTo(dev.aei.inspect.Mode.LIVE);
        assertThat(one.lanes()).containsExactly("alice");
        assertThat(feed.drain(100).isEmpty()).isTrue();
    }

    @Test
    void drainIsBoundedAndKeepsTheRestForLater() {
        CaptureFeed feed = new CaptureFeed();
        Session session = Session.start("ws://localhost/ws", "header", "netra");
        Analyzer analyzer = Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null);
        feed.attach(session, analyzer);
        Lane alice = session.addLane("alice", Map.of());
        for (int i = 0; i < 9; i++) {
            session.appendText(alice, Direction.IN, "{\"type\":\"heartbeat\"}");
        }
        analyzer.catchUp(); // frames reach the feed once analysed

        FeedBatch first = feed.drain(4);
        assertThat(first.size()).isEqualTo(4);
        assertThat(first.lanes()).containsExactly("alice");
        assertThat(feed.backlog()).isEqualTo(6);

        FeedBatch rest = feed.drain(100);
        assertThat(rest.frames()).extracting(f -> f.frame().index()).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(feed.backlog()).isZero();
        assertThat(feed.drain(100).isEmpty()).isTrue();
    }

    @Test
    void concurrentProducersNeverLoseAFrameAndKeepEachLaneInOrder() throws Exception {
        int users = 4;
        int framesPerUser = 5_000;
        CaptureFeed feed = new CaptureFeed();
        Session session = Session.start("ws://localhost/ws", "header", "netra");
        feed.attach(session, Analyzer.create(Profile.load("netra"), RuleConfig.defaults(), null));
        ExecutorService producers = Executors.newFixedThreadPool(users + 1);
        List<Future<?>> done = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String id = "user" + u;
            done.add(producers.submit(() -> {
                Lane lane = session.addLane(id, Map.of());
                session.appendEvent(lane, LaneEvent.Kind.CONNECTED, 101, "");
                // a type that is no run step: runless run events would (rightly) add first-event findings
                for (int i = 0; i < framesPerUser; i++) {
                    session.appendText(lane, Direction.IN, "{\"type\":\"stream_chunk\",\"n\":" + i + "}");
                }
            }));
        }
        int findings = 500;
        done.add(producers.submit(() -> {
            for (int i = 0; i < findings; i++) {
                feed.finding(new Finding("seq-gap", Severity.ERROR, "user0", null, "gap " + i, List.of(), i));
            }
        }));

        Map<String, List<Integer>> seen = new HashMap<>();
        int lanes = 0;
        int events = 0;
        int findingsSeen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int expected = users * framesPerUser;
        int frames = 0;
        while ((frames < expected || findingsSeen < findings || events < users) && System.nanoTime() < deadline) {
            FeedBatch batch = feed.drain(1_000);
            assertThat(batch.size()).isLessThanOrEqualTo(1_000);
            lanes += batch.lanes().size();
            events += batch.laneEvents().size();
            findingsSeen += batch.findings().size();
            for (FeedBatch.LaneFrame f : batch.frames()) {
                seen.computeIfAbsent(f.lane(), k -> new ArrayList<>()).add(f.frame().index());
                frames++;
            }
            if (batch.isEmpty()) {
                Thread.onSpinWait();
            }
        }
        for (Future<?> future : done) {
            future.get(10, TimeUnit.SECONDS);
        }
        producers.shutdown();

        assertThat(frames).isEqualTo(expected);
        assertThat(lanes).isEqualTo(users);
        assertThat(events).isEqualTo(users);
        assertThat(findingsSeen).isEqualTo(findings);
        assertThat(seen).hasSize(users);
        seen.values().forEach(indexes -> {
            assertThat(indexes).hasSize(framesPerUser);
            for (int i = 0; i < indexes.size(); i++) {
                assertThat(indexes.get(i)).isEqualTo(i);
            }
        });
        assertThat(feed.backlog()).isZero();
        assertThat(feed.drainedCount()).isEqualTo(feed.enqueuedCount());
    }

    @Test
    void pulseStatsGivesPercentilesOfIntervals() {
        PulseStats stats = new PulseStats(100);
        long t = 0;
        stats.pulse(t);
        for (int i = 1; i <= 100; i++) {
            t += i * 1_000_000L;
            stats.pulse(t);
        }

        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.percentileMillis(99)).isEqualTo(99.0);
        assertThat(stats.percentileMillis(50)).isEqualTo(50.0);
    }
}
