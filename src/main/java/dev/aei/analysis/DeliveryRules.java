package dev.aei.analysis;

import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventText;
import dev.aei.protocol.Grammar;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delivery rules per connection: {@code duplicate-event}, {@code timestamp-regression} and
 * {@code late-event}.
 *
 * <p>How a duplicate is recognised is the profile's policy: by content (below, the default), by
 * event id, by seq, or never (a protocol whose events may legitimately repeat word for word).
 *
 * <p>By content, two events are the same event when their objects are equal apart from top-level seq,
 * attempt and timestamp fields. A repeat within the duplicate window is a {@code duplicate-event}
 * when it is identical (same timestamp too) or says {@code attempt} &gt; 1; a repeat with a new
 * timestamp and no attempt is a new event that happens to say the same thing.
 *
 * <p>Timestamps written in whole seconds (integer epoch seconds, ISO text without a fraction) are only that precise, so they get
 * one second of slack against finer ones; otherwise a mix of ISO and epoch times would look like
 * a clock going back.
 */
final class DeliveryRules {
    private static final long WHOLE_SECOND_SLACK_MILLIS = 1000;

    private final FindingLog log;
    private final long windowNanos;
    private final long lateMillis;
    private final String lateText;
    private final Map<String, LaneDelivery> lanes = new HashMap<>();
    private final Grammar.Duplicates policy;

    DeliveryRules(FindingLog log, RuleConfig config) {
        this(log, config, Grammar.Duplicates.CONTENT);
    }

    /** Rules that recognise a duplicate as {@code policy} says (by content, event id, seq, or never). */
    DeliveryRules(FindingLog log, RuleConfig config, Grammar.Duplicates policy) {
        this.log = log;
        this.policy = policy;
        this.windowNanos = config.duplicateWindow().toNanos();
        this.lateMillis = config.lateThreshold().toMillis();
        this.lateText = Durations.human(config.lateThreshold());
    }

    private static final class LaneDelivery {
        final RecentEvents recent = new RecentEvents();
        Instant lastTime;
        long lastSlack;
        int lastTimeFrame;
        final Set<String> lateReported = new HashSet<>();
    }

    /**
     * True (and reported) when the event repeats one delivered shortly before on the same lane.
     * Events are compared by the decoder's content hash (see {@link EventText#contentHash()}):
     * the window then holds a number per event instead of its JSON tree. With a few thousand
     * events in a window, a false match is about as likely as 1 in 10^12.
     */
    boolean duplicate(AgentEvent e) {
        switch (policy) {
            case OFF:
                return false;
            case ID:
                return e.eventId() != null && sameKey(e, "id " + e.eventId(), hash(e.eventId()));
            case SEQ:
                return e.seq() != null && sameKey(e, "seq " + e.seq(), e.seq() * 0x9E3779B97F4A7C15L + 1);
            default:
                break;
        }
        EventText text = e.source();
        if (text == null) {
            return false;
        }
        RecentEvents recent = lanes.computeIfAbsent(e.lane(), k -> new LaneDelivery()).recent;
        recent.expire(e.nanos(), windowNanos);
        int earlier = recent.find(text.contentHash());
        boolean identical = earlier >= 0 && recent.sameTime(earlier, e.serverTime());
        int earlierFrame = earlier >= 0 ? recent.frame(earlier) : -1;
        recent.add(text.contentHash(), e.frame(), e.nanos(), e.serverTime());
        if (earlier < 0 || !identical && e.attempt() <= 1) {
            return false;
        }
        String what = e.type() + (e.runId() == null ? "" : " of run " + e.runId());
        log.raise(Rule.DUPLICATE_EVENT, e.lane(), e.runId(), what + (identical && e.attempt() <= 1
                ? " was delivered twice" : " was delivered again as attempt " + e.attempt())
                + " (frames " + earlierFrame + " and " + e.frame() + ")", List.of(earlierFrame, e.frame()));
        return true;
    }

    /**
     * Loads what {@link #duplicate} will look up for {@code e}, ahead of it; returns a value to sum.
     * Every lookup lands somewhere random in tables larger than a core's cache: one after another,
     * each waits for memory in turn, while a short loop of these loads over a run of events waits
     * for many at once.
     */
    long touch(AgentEvent e) {
        LaneDelivery lane = policy == Grammar.Duplicates.CONTENT && e.source() != null ? lanes.get(e.lane()) : null;
        return lane == null ? 0 : lane.recent.touch(e.source().contentHash());
    }

    /** True (and reported) when an event with the same id (or seq) came within the window. */
    private boolean sameKey(AgentEvent e, String what, long hash) {
        RecentEvents recent = lanes.computeIfAbsent(e.lane(), k -> new LaneDelivery()).recent;
        recent.expire(e.nanos(), windowNanos);
        int earlier = recent.find(hash);
        int earlierFrame = earlier >= 0 ? recent.frame(earlier) : -1;
        recent.add(hash, e.frame(), e.nanos(), e.serverTime());
        if (earlier < 0) {
            return false;
        }
        log.raise(Rule.DUPLICATE_EVENT, e.lane(), e.runId(), e.type() + " with " + what
                + " was delivered twice (frames " + earlierFrame + " and " + e.frame() + ")",
                List.of(earlierFrame, e.frame()));
        return true;
    }

    /** A 64-bit hash of an id, so the window keeps a number per event, not its text. */
    private static long hash(String id) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }

    /** Checks the server timestamp against the previous one and against the receive time. */
    void timing(AgentEvent e, long receivedWallMillis) {
        Instant time = e.serverTime();
        if (time == null) {
            return;
        }
        LaneDelivery lane = lanes.computeIfAbsent(e.lane(), k -> new LaneDelivery());
        long slack = slackOf(e);
        if (lane.lastTime != null) {
            long back = lane.lastTime.toEpochMilli() - time.toEpochMilli();
            if (back > Math.max(slack, lane.lastSlack)) {
                log.raise(Rule.TIMESTAMP_REGRESSION, e.lane(), e.runId(), "server time went back "
                        + Durations.nanos(back * 1_000_000) + ", from " + lane.lastTime + " to " + time
                        + " (frames " + lane.lastTimeFrame + " and " + e.frame() + ")", List.of(lane.lastTimeFrame, e.frame()));
            }
        }
        lane.lastTime = time;
        lane.lastSlack = slack;
        lane.lastTimeFrame = e.frame();
        long late = receivedWallMillis - time.toEpochMilli() - slack;
        if (late > lateMillis && lane.lateReported.add(e.runId() == null ? "" : e.runId())) {
            log.raise(Rule.LATE_EVENT, e.lane(), e.runId(), (e.type() == null ? "an event" : e.type())
                    + (e.runId() == null ? "" : " of run " + e.runId()) + " arrived "
                    + Durations.nanos((late + slack) * 1_000_000) + " after its server timestamp (threshold "
                    + lateText + ")", List.of(e.frame()));
        }
    }

    /** One second for timestamps written in whole seconds (an integer, or text without a fraction), else none. */
    private static long slackOf(AgentEvent e) {
        return e.source() != null && e.source().wholeSecondTime() ? WHOLE_SECOND_SLACK_MILLIS : 0;
    }
}
