package dev.aei.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.JsonPaths;
import dev.aei.protocol.Profile;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delivery rules per connection: {@code duplicate-event}, {@code timestamp-regression} and
 * {@code late-event}.
 *
 * <p>Two events are the same event when their objects are equal apart from top-level seq,
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
    private final Set<String> volatileNames = new HashSet<>();
    private final JsonPaths timestampPaths;
    private final Map<String, LaneDelivery> lanes = new HashMap<>();

    DeliveryRules(FindingLog log, RuleConfig config, Profile profile) {
        this.log = log;
        this.windowNanos = config.duplicateWindow().toNanos();
        this.lateMillis = config.lateThreshold().toMillis();
        this.lateText = Durations.human(config.lateThreshold());
        volatileNames.addAll(profile.fields().seq().topLevelNames());
        volatileNames.addAll(profile.fields().attempt().topLevelNames());
        volatileNames.addAll(profile.fields().timestamp().topLevelNames());
        timestampPaths = profile.fields().timestamp();
    }

    private record Seen(long fingerprint, int frame, long nanos, Instant time) {
    }

    private static final class LaneDelivery {
        final Map<Long, Seen> recent = new HashMap<>();
        final Deque<Seen> window = new ArrayDeque<>();
        Instant lastTime;
        long lastSlack;
        int lastTimeFrame;
        final Set<String> lateReported = new HashSet<>();
    }

    /** True (and reported) when the event repeats one delivered shortly before on the same lane. */
    boolean duplicate(AgentEvent e) {
        if (e.body() == null || !e.body().isObject()) {
            return false;
        }
        LaneDelivery lane = lanes.computeIfAbsent(e.lane(), k -> new LaneDelivery());
        while (!lane.window.isEmpty() && e.nanos() - lane.window.peekFirst().nanos() > windowNanos) {
            Seen old = lane.window.removeFirst();
            lane.recent.remove(old.fingerprint(), old);
        }
        Seen seen = new Seen(fingerprint((ObjectNode) e.body(), volatileNames), e.frame(), e.nanos(), e.serverTime());
        Seen earlier = lane.recent.put(seen.fingerprint(), seen);
        lane.window.addLast(seen);
        if (earlier == null) {
            return false;
        }
        boolean identical = java.util.Objects.equals(earlier.time(), e.serverTime());
        if (!identical && e.attempt() <= 1) {
            return false;
        }
        String what = e.type() + (e.runId() == null ? "" : " of run " + e.runId());
        log.raise(Rule.DUPLICATE_EVENT, e.lane(), e.runId(), what + (identical && e.attempt() <= 1
                ? " was delivered twice" : " was delivered again as attempt " + e.attempt())
                + " (frames " + earlier.frame() + " and " + e.frame() + ")", List.of(earlier.frame(), e.frame()));
        return true;
    }

    /**
     * The event's content without its volatile fields, as a 64-bit hash: the window then holds a
     * number per event instead of the whole JSON tree, which kept hundreds of bytes per event alive
     * for the length of the window. With a few thousand events in a window, a false match is
     * about as likely as 1 in 10^12.
     */
    private static long fingerprint(ObjectNode body, Set<String> volatileNames) {
        long sum = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!volatileNames.contains(field.getKey())) {
                // Summed, so field order does not matter, as for JSON object equality.
                sum += mix(wide64(field.getKey()) * 31 + wide64(field.getValue()));
            }
        }
        return sum;
    }

    private static long wide64(JsonNode node) {
        if (node.isObject()) {
            long sum = 0x9E3779B97F4A7C15L;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                sum += mix(wide64(field.getKey()) * 31 + wide64(field.getValue()));
            }
            return sum;
        }
        if (node.isArray()) {
            long h = 0xC2B2AE3D27D4EB4FL;
            for (JsonNode item : node) {
                h = mix(h * 31 + wide64(item));
            }
            return h;
        }
        return mix(wide64(node.getNodeType().name()) ^ wide64(node.asText()));
    }

    private static long wide64(String text) {
        long h = 0xCBF29CE484222325L; // FNV-1a over UTF-16 units
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001B3L;
        }
        return h;
    }

    /** A 64-bit finaliser (as in SplitMix64) so that sums and products of hashes stay well spread. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
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
    private long slackOf(AgentEvent e) {
        JsonNode node = e.body() == null ? null : timestampPaths.find(e.body());
        boolean whole = node != null && (node.isIntegralNumber() || node.isTextual() && node.asText().indexOf('.') < 0);
        return whole ? WHOLE_SECOND_SLACK_MILLIS : 0;
    }
}
