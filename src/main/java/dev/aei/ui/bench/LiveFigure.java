package dev.aei.ui.bench;

import dev.aei.bench.LiveResults;
import dev.aei.bench.LiveWorkload;
import dev.aei.analysis.Analyzer;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.SessionReplay;
import dev.aei.capture.Session;
import dev.aei.ui.feed.FeedPump;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The smoothness figure: a live stream into the app's main window, appended to the window's own
 * session so it passes through its rules, capture feed, pump, timeline and panels as a recording does. Measures pulse intervals (idle first, as the reference) and
 * samples the backlog between capture and screen. The backlog counts as growing when its mean
 * over the last third of the run exceeds that of the first third by more than half a second of input.
 */
final class LiveFigure {
    /** Longest idle measurement and stream warm-up; short streams get shorter ones. */
    private static final long SETTLE_MILLIS = 3_000;
    private static final long SAMPLE_MILLIS = 100;

    private final LiveWorkload workload;

    LiveFigure(LiveWorkload workload) {
        this.workload = workload;
    }

    /** Streams into the app's main window (its own session, rules, feed and pump). */
    LiveResults run(Path dir) throws InterruptedException {
        AppWindow app = AppWindow.open(dir);
        try {
            LiveTarget target = app.target();
            double idle = idleP99(target.pump(), settleMillis());
            return streamed(target.session(), target.pump(), idle);
        } finally {
            Fx.run(app::close);
        }
    }

    private long settleMillis() {
        return Math.min(SETTLE_MILLIS, workload.streamSeconds() * 1000L);
    }

    /**
     * How long the stream runs before it is measured: at least two thirds of the measured time. The
     * stream's first seconds are not its steady state: in a fresh process the compiler keeps both
     * cores busy with the capture, rules and window code for some twenty seconds (up to a hundred
     * compilations a second), and pulses missed then would decide a 30 s window's p99.
     */
    private long warmUpMillis() {
        return Math.max(settleMillis(), workload.streamSeconds() * 2000L / 3);
    }

    private static double idleP99(FeedPump pump, long millis) throws InterruptedException {
        Thread.sleep(millis / 3);
        Fx.run(() -> pump.pulseStats().reset());
        Thread.sleep(millis);
        return Fx.call(() -> pump.pulseStats().percentileMillis(99));
    }

    private LiveResults streamed(Session session, FeedPump pump, double idle)
            throws InterruptedException {
        Producer producer = new Producer(session);
        Thread thread = new Thread(producer, "aei-bench-stream");
        thread.setDaemon(true);
        thread.start();
        try {
            Thread.sleep(warmUpMillis());
            long producedBefore = producer.made.get();
            long drainedBefore = Fx.call(() -> {
                pump.pulseStats().reset();
                return pump.framesDrained();
            });
            List<Long> backlog = sampleBacklog(pump);
            long produced = producer.made.get() - producedBefore;
            double[] pulses = Fx.call(() -> new double[]{pump.pulseStats().percentileMillis(99),
                pump.pulseStats().percentileMillis(50), pump.framesDrained()});
            double start = mean(backlog.subList(0, backlog.size() / 3));
            double end = mean(backlog.subList(backlog.size() - backlog.size() / 3, backlog.size()));
            long max = backlog.stream().mapToLong(Long::longValue).max().orElse(0);
            boolean growing = end - start > workload.eventsPerSecond() / 2.0;
            return new LiveResults(idle, pulses[0], pulses[1], produced, (long) pulses[2] - drainedBefore, start, end,
                    max, growing, findingsOf(session));
        } finally {
            producer.stop = true;
            thread.join(10_000);
        }
    }

    /**
     * Findings of the streamed session checked offline: the stream is healthy, so anything here is a
     * bench fault; its bridge-shaped runs break the web client's contract by design, which does not count.
     */
    private int findingsOf(Session session) {
        Analyzer rules = new Analyzer(workload.decoder(), RuleConfig.defaults(), null);
        SessionReplay.replay(session, rules);
        return (int) rules.findings().stream().filter(f -> !f.rule().startsWith("contract-")).count();
    }

    private List<Long> sampleBacklog(FeedPump pump) throws InterruptedException {
        List<Long> samples = new ArrayList<>();
        long end = System.nanoTime() + workload.streamSeconds() * 1_000_000_000L;
        while (System.nanoTime() < end) {
            Thread.sleep(SAMPLE_MILLIS);
            samples.add(pump.backlog());
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
