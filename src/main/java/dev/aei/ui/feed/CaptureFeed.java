package dev.aei.ui.feed;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.DecodedFrameListener;
import dev.aei.analysis.Finding;
import dev.aei.capture.CaptureListener;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.LaneEvent;
import dev.aei.capture.Session;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The hand-over point between capture threads and the UI: producers only enqueue (lock-free),
 * the FX thread drains bounded batches. Frames arrive already decoded by the session's
 * {@link Analyzer}, so the FX thread never parses JSON; {@link #attach} wires both. Nothing here
 * touches JavaFX.
 */
public final class CaptureFeed implements CaptureListener, DecodedFrameListener, Consumer<Finding> {
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong drained = new AtomicLong();
    /** The session whose items reach the UI; late items of a session left behind are dropped. */
    private volatile Session shown;

    /**
     * Listens to the session's lanes and connection events and to the analyzer's decoded frames and
     * findings, then adds the analyzer to the session: everything appended from now on reaches the feed
     * once, a frame always before its findings.
     */
    public void attach(Session session, Analyzer analyzer) {
        show(session);
        Source source = new Source(session);
        session.addListener(source);
        analyzer.addDecodedListener(source);
        analyzer.addSink(source);
        session.addListener(analyzer);
    }

    /**
     * From now on only {@code session}'s items are queued: what a session left behind still reports
     * (its sockets closing, say) must not reach panels that show another one.
     */
    public void show(Session session) {
        shown = session;
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
    public void accept(Finding finding) {
        offer(finding);
    }

    /**
     * Queues a whole loaded session, lane by lane, then its findings, decoding each frame on the calling
     * thread (keep it off the FX thread); the pump drains it in batches as usual.
     */
    public void enqueueAll(Session session, List<Finding> findings, EventDecoder decoder) {
        show(session);
        for (Lane lane : session.lanes()) {
            laneAdded(lane);
            lane.frames().forEach(frame -> frameDecoded(lane, frame, decoder.decode(lane.id(), frame)));
            lane.events().forEach(event -> laneEventAppended(lane, event));
        }
        findings.forEach(this);
    }

    /** Takes up to {@code max} queued items, oldest first; the rest stay for the next call. */
    public FeedBatch drain(int max) {
        List<String> lanes = new ArrayList<>();
        List<FeedBatch.LaneFrame> frames = new ArrayList<>();
        List<FeedBatch.LaneEventEntry> events = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int taken = 0;
        Object item;
        while (taken < max && (item = queue.poll()) != null) {
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
        if (taken == 0) {
            return FeedBatch.EMPTY;
        }
        drained.addAndGet(taken);
        return new FeedBatch(lanes, frames, events, findings);
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

    /** One attached session's listener: passes its items on while that session is the one shown. */
    private final class Source implements CaptureListener, DecodedFrameListener, Consumer<Finding> {
        private final Session session;

        Source(Session session) {
            this.session = session;
        }

        @Override
        public void laneAdded(Lane lane) {
            if (shown == session) {
                CaptureFeed.this.laneAdded(lane);
            }
        }

        @Override
        public void frameDecoded(Lane lane, Frame frame, List<AgentEvent> events) {
            if (shown == session) {
                CaptureFeed.this.frameDecoded(lane, frame, events);
            }
        }

        @Override
        public void laneEventAppended(Lane lane, LaneEvent event) {
            if (shown == session) {
                CaptureFeed.this.laneEventAppended(lane, event);
            }
        }

        @Override
        public void accept(Finding finding) {
            if (shown == session) {
                CaptureFeed.this.accept(finding);
            }
        }
    }
}
