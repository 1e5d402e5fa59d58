package dev.aei.ui.feed;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.DecodedFrameListener;
import dev.aei.analysis.Finding;
import dev.aei.capture.CaptureListener;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.inspect.InspectionListener;
import dev.aei.inspect.Shown;
import dev.aei.protocol.AgentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-over point between capture threads and the UI: producers only enqueue (lock-free),
 * the FX thread drains bounded batches. Frames arrive already decoded by the session's
 * {@link Analyzer}, so the FX thread never parses JSON. A change of what is shown travels in the
 * queue too: a batch never mixes two sessions, and items queued before a change that is still
 * waiting are dropped undrawn. Nothing here touches JavaFX.
 */
public final class CaptureFeed implements InspectionListener {
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong drained = new AtomicLong();
    /** Changes of what is shown still in the queue: items ahead of one belong to what was shown before. */
    private final AtomicInteger pendingChanges = new AtomicInteger();

    /**
     * Listens to a session and its analyzer directly, without an inspection (benchmarks, tests): the
     * lanes and connection events, the decoded frames and the findings, a frame before its findings.
     */
    public void attach(Session session, Analyzer analyzer) {
        Direct direct = new Direct();
        session.addListener(direct);
        analyzer.addDecodedListener(direct);
        analyzer.addSink(this::finding);
        session.addListener(analyzer);
    }

    @Override
    public void shown(Shown shown) {
        pendingChanges.incrementAndGet(); // before the item, so what is ahead of it reads as stale
        offer(new Change(shown));
    }

    @Override
    public void laneAdded(Lane lane) {
        offer(new LaneAdded(lane.id()));
    }

    @Override
    public void frameDecoded(Lane lane, Frame frame, List<AgentEvent> events) {
        offer(new FeedBatch.LaneFrame(lane.id(), frame, events));
    }

    @Override
    public void laneEventAppended(Lane lane, LaneEvent event) {
        offer(new FeedBatch.LaneEventEntry(lane.id(), event));
    }

    @Override
    public void finding(Finding finding) {
        offer(finding);
    }

    /**
     * Takes up to {@code max} queued items, oldest first; the rest stay for the next call. A change of
     * what is shown starts a batch ({@link FeedBatch#shown()}) and ends the one before it.
     */
    public FeedBatch drain(int max) {
        Collector batch = new Collector();
        long polled = 0;
        Object item;
        while (batch.taken < max && (item = queue.peek()) != null) {
            if (item instanceof Change change) {
                if (batch.taken > 0) {
                    break; // the items so far belong to what was shown before
                }
                batch.shown = change.shown();
                pendingChanges.decrementAndGet();
            } else if (pendingChanges.get() == 0) {
                batch.add(item);
            } // else stale: a change waits behind it, so it is dropped undrawn
            queue.poll();
            polled++;
        }
        if (polled == 0) {
            return FeedBatch.EMPTY;
        }
        drained.addAndGet(polled);
        return batch.toBatch();
    }

    /** Items waiting to be drained. */
    public long backlog() {
        return enqueued.get() - drained.get();
    }

    /** Items ever enqueued. */
    public long enqueuedCount() {
        return enqueued.get();
    }

    /** Items ever drained. */
    public long drainedCount() {
        return drained.get();
    }

    private void offer(Object item) {
        enqueued.incrementAndGet(); // counted first so the backlog never reads negative
        queue.offer(item);
    }

    private record LaneAdded(String id) {
    }

    private record Change(Shown shown) {
    }

    /** One drain's items, sorted by kind in arrival order. */
    private static final class Collector {
        final List<String> lanes = new ArrayList<>();
        final List<FeedBatch.LaneFrame> frames = new ArrayList<>();
        final List<FeedBatch.LaneEventEntry> events = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        Shown shown;
        int taken;

        void add(Object item) {
            taken++;
            if (item instanceof FeedBatch.LaneFrame frame) {
                frames.add(frame);
            } else if (item instanceof LaneAdded lane) {
                lanes.add(lane.id());
            } else if (item instanceof FeedBatch.LaneEventEntry event) {
                events.add(event);
            } else {
                findings.add((Finding) item);
            }
        }

        FeedBatch toBatch() {
            return new FeedBatch(shown, lanes, frames, events, findings);
        }
    }

    /** A session's and analyzer's items, passed straight on. */
    private final class Direct implements CaptureListener, DecodedFrameListener {
        @Override
        public void laneAdded(Lane lane) {
            CaptureFeed.this.laneAdded(lane);
        }

        @Override
        public void frameDecoded(Lane lane, Frame frame, List<AgentEvent> events) {
            CaptureFeed.this.frameDecoded(lane, frame, events);
        }

        @Override
        public void laneEventAppended(Lane lane, LaneEvent event) {
            CaptureFeed.this.laneEventAppended(lane, event);
        }
    }
}
