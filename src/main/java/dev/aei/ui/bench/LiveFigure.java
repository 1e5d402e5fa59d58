package dev.aei.ui.bench;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.RuleConfig;
import dev.aei.capture.CaptureClock;
import dev.aei.capture.Session;
import dev.aei.capture.SessionInfo;
import dev.aei.ui.feed.CaptureFeed;
import dev.aei.ui.feed.FeedPump;
import dev.aei.ui.timeline.TimelineView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The smoothness figure: a live stream into the window through the capture feed, the rules and
 * the pump, as a recording feeds it. Measures pulse intervals (idle first, as the reference) and
 * samples the backlog between capture and screen. The backlog counts as growing when its mean
 * over the last third of the run exceeds that of the first third by more than half a second of input.
 */
final class LiveFigure {
    /** Longest idle measurement and stream warm-up; short streams get shorter ones. */
    private static final long SETTLE_MILLIS = 3_000;
    private static final long SAMPLE_MILLIS = 100;

    private final BenchWindow window;
    private final UiWorkload workload;

    LiveFigure(BenchWindow window, UiWorkload workload) {
        this.window = window;
        this.workload = workload;
    }

    /** What the live stream did to the window. */
    record Measured(double idleP99, double p99, double median, long produced, long drained, double backlogStart,
                    double backlogEnd, long backlogMax, boolean growing) {
    }

    Measured run() throws InterruptedException {
        CaptureClock clock = new CaptureClock();
        Session session = new Session(new SessionInfo("ws://127.0.0.1:0/ws", "header",
                workload.decoder().profile().name(), clock.originWallMillis()), clock);
        CaptureFeed feed = new CaptureFeed();
        session.addListener(feed);
        Analyzer analyzer = new Analyzer(workload.decoder(), RuleConfig.defaults(), feed);
        session.addListener(analyzer);
        FeedPump pump = Fx.call(() -> {
            TimelineView timeline = new TimelineView(workload.decoder());
            window.show(timeline);
            FeedPump p = new FeedPump(feed);
            p.addListener(timeline);
            p.start();
            return p;
        });
        try {
            double idle = idleP99(pump, settleMillis());
            return streamed(session, feed, pump, idle);
        } finally {
            Fx.run(pump::stop);
        }
    }

    private long settleMillis() {
        return Math.min(SETTLE_MILLIS, workload.streamSeconds() * 1000L);
    }

    private static double idleP99(FeedPump pump, long millis) throws InterruptedException {
        Thread.sleep(millis / 3);
        Fx.run(() -> pump.pulseStats().reset());
        Thread.sleep(millis);
        return Fx.call(() -> pump.pulseStats().percentileMillis(99));
    }

    private Measured streamed(Session session, CaptureFeed feed, FeedPump pump, double idle)
            throws InterruptedException {
        Producer producer = new Producer(session);
        Thread thread = new Thread(producer, "aei-bench-stream");
        thread.setDaemon(true);
        thread.start();
        try {
            Thread.sleep(settleMillis());
            long producedBefore = producer.made.get();
            long drainedBefore = Fx.call(() -> {
                pump.pulseStats().reset();
                return pump.framesDrained();
            });
            List<Long> backlog = sampleBacklog(feed);
            long produced = producer.made.get() - producedBefore;
            double[] pulses = Fx.call(() -> new double[]{pump.pulseStats().percentileMillis(99),
                pump.pulseStats().percentileMillis(50), pump.framesDrained()});
            double start = mean(backlog.subList(0, backlog.size() / 3));
            double end = mean(backlog.subList(backlog.size() - backlog.size() / 3, backlog.size()));
            long max = backlog.stream().mapToLong(Long::longValue).max().orElse(0);
            boolean growing = end - start > workload.eventsPerSecond() / 2.0;
            return new Measured(idle, pulses[0], pulses[1], produced, (long) pulses[2] - drainedBefore, start, end,
                    max, growing);
        } finally {
            producer.stop = true;
            thread.join(10_000);
        }
    }

    private List<Long> sampleBacklog(CaptureFeed feed) throws InterruptedException {
        List<Long> samples = new ArrayList<>();
        long end = System.nanoTime() + workload.streamSeconds() * 1_000_000_000L;
        while (System.nanoTime() < end) {
            Thread.sleep(SAMPLE_MILLIS);
            samples.add(feed.backlog());
        }
        return samples;
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    /** Appends frames at the workload's rate, catching up in small bursts every half millisecond. */
    private final class Producer implements Runnable {
        private final Session session;
        private final AtomicLong made = new AtomicLong();
        private volatile boolean stop;

        Producer(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            while (!stop) {
                long due = (System.nanoTime() - start) * workload.eventsPerSecond() / 1_000_000_000L;
                while (made.get() < due && !stop) {
                    workload.stream().appendNext(session);
                    made.incrementAndGet();
                }
                LockSupport.parkNanos(500_000);
            }
        }
    }
}
