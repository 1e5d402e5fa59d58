package dev.aei.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The protocol's grammar a profile declares: the keyed pairs of a run (tool calls, text messages,
 * steps…) and the switches that say how runs follow each other on one connection. Data, read from
 * the profile's {@code pairs} and {@code runs} sections.
 *
 * @param pairs    the pairs, in the profile's order
 * @param runs     the run switches
 * @param keyPaths where the keys are looked up: a pair's key, its fallback and the event id refer to these by index
 */
public record Grammar(List<Pair> pairs, Runs runs, List<JsonPaths> keyPaths) {
    /** A grammar with no pairs and the default run switches. */
    public static final Grammar NONE = new Grammar(List.of(), Runs.DEFAULTS, List.of());

    public Grammar {
        pairs = List.copyOf(pairs);
        keyPaths = List.copyOf(keyPaths);
    }

    /** The part an event type plays in a pair. */
    public enum Part {
        /** Opens the pair. */
        OPEN,
        /** Closes it. */
        CLOSE,
        /** Allowed only while the pair is open. */
        INSIDE
    }

    /** Which pair an event type belongs to and what it does there. */
    public record Member(Pair pair, Part part) {
    }

    /**
     * A pair of a run: an opening and a closing event with, optionally, events allowed only in between.
     *
     * @param index        its position in {@link #pairs()}
     * @param name         what it is called in findings ("text message")
     * @param open         the types that open it, the main one first
     * @param close        the types that close it
     * @param inside       the types allowed only while one is open with the same key
     * @param keySlot      the {@link #keyPaths()} index of its key, or -1: one open at a time
     * @param fallbackSlot the index of the fallback key (paired in order when a side lacks the key), or -1
     * @param within       the index of the pair that must be open when this one opens, or -1 (the run)
     * @param mustClose    true when one still open as its run completes is a finding
     * @param tool         true when findings use the tool rule ids ({@code tool-unmatched}, {@code tool-unfinished})
     * @param text         where its inside events carry streamed text (joined, the pair's text), or none
     */
    public record Pair(int index, String name, List<String> open, List<String> close, List<String> inside,
                       int keySlot, int fallbackSlot, int within, boolean mustClose, boolean tool, JsonPaths text) {
        public Pair {
            open = List.copyOf(open);
            close = List.copyOf(close);
            inside = List.copyOf(inside);
        }

        /** True when each open one is told apart by a key; false: one open at a time. */
        public boolean keyed() {
            return keySlot >= 0;
        }

        /** The main opening type, for messages ("has no open TOOL_CALL_START"). */
        public String opener() {
            return open.get(0);
        }
    }

    /** How duplicate deliveries are recognised. */
    public enum Duplicates {
        /** The same content (apart from seq, attempt and timestamp) within the window. */
        CONTENT,
        /** The same event id within the window; events without one are never duplicates. */
        ID,
        /** The same seq within the window; events without one are never duplicates. */
        SEQ,
        /** Never: the protocol's events may legitimately repeat. */
        OFF
    }

    /**
     * The run switches.
     *
     * @param oneAtATime     true when a connection has at most one run open: events belong to it whatever their
     *                       run id, a run event with none open is {@code first-event} and a new start while one is
     *                       open is {@code run-overlap}
     * @param afterEnd       types allowed once after a run completed (or before any run), e.g. AG-UI's RUN_ERROR
     * @param endRunIdChecked true when an end event's run id says which run it ends; false (only with
     *                       {@code oneAtATime}) when it ends the open run whatever id it carries
     * @param duplicates     how duplicate deliveries are recognised
     * @param idSlot         the {@link #keyPaths()} index of the event id for {@link Duplicates#ID}, else -1
     */
    public record Runs(boolean oneAtATime, Set<String> afterEnd, boolean endRunIdChecked, Duplicates duplicates,
                       int idSlot) {
        /** Several runs at once, told apart by run id; duplicates by content (netra). */
        public static final Runs DEFAULTS = new Runs(false, Set.of(), true, Duplicates.CONTENT, -1);

        public Runs {
            afterEnd = Set.copyOf(afterEnd);
        }
    }

    /** Every type in some pair, with its part (a new map per call: callers keep it). */
    public Map<String, Member> members() {
        Map<String, Member> members = new HashMap<>();
        for (Pair pair : pairs) {
            pair.open().forEach(t -> members.put(t, new Member(pair, Part.OPEN)));
            pair.close().forEach(t -> members.put(t, new Member(pair, Part.CLOSE)));
            pair.inside().forEach(t -> members.put(t, new Member(pair, Part.INSIDE)));
        }
        return members;
    }
}
