package dev.aei.capture;

/**
 * Something that happened to a lane's connection rather than a frame on it.
 *
 * @param kind       what happened
 * @param nanos      when, on the session clock
 * @param wallMillis when, wall clock
 * @param code       close code or HTTP status where there is one, else 0
 * @param detail     close reason, error text or URL; never a token
 * @param closedBy   for a {@link Kind#CLOSED} event, who closed the socket; {@link ClosedBy#SERVER} otherwise
 */
public record LaneEvent(Kind kind, long nanos, long wallMillis, int code, String detail, ClosedBy closedBy) {

    /** The connection lifecycle steps a lane goes through. */
    public enum Kind {
        CONNECTING, CONNECTED, FAILED, CLOSED, RECONNECTING
    }

    /** Who ended a connection: the inspector's own closes are no disconnect and leave no run incomplete. */
    public enum ClosedBy {
        /** The server or the network (or the event is no close). */
        SERVER,
        /** The inspector, because its user or command was done. */
        INSPECTOR,
        /**
         * The inspector, because it stopped waiting for runs to complete ({@code record --until-complete}
         * timing out): the lane's open runs are incomplete, and a later offline check says so too.
         */
        INSPECTOR_GAVE_UP;

        /** Words a close reason carried for this before the field existed (files written by older versions). */
        private static final String SELF_CLOSE_WORDS = "closed by the inspector";
        private static final String GAVE_UP_WORDS = "gave up waiting for the runs";

        private static ClosedBy inferredFrom(Kind kind, String detail) {
            if (kind != Kind.CLOSED || detail == null || !detail.contains(SELF_CLOSE_WORDS)) {
                return SERVER;
            }
            return detail.contains(GAVE_UP_WORDS) ? INSPECTOR_GAVE_UP : INSPECTOR;
        }

        /** The value as files write it, e.g. {@code inspector_gave_up}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /**
         * Who closed, from a file: its {@code closed_by} value (null or unknown when the file has none),
         * else, for files written before the field existed, what the close reason said.
         */
        public static ClosedBy read(String label, Kind kind, String detail) {
            for (ClosedBy value : values()) {
                if (value.label().equals(label)) {
                    return value;
                }
            }
            return inferredFrom(kind, detail);
        }
    }

    public LaneEvent {
        closedBy = closedBy == null || kind != Kind.CLOSED ? ClosedBy.SERVER : closedBy;
    }

    /** An event that is no close by the inspector. */
    public LaneEvent(Kind kind, long nanos, long wallMillis, int code, String detail) {
        this(kind, nanos, wallMillis, code, detail, ClosedBy.SERVER);
    }

    /** True when the inspector itself closed the socket (for whatever reason). */
    public boolean closedByInspector() {
        return closedBy != ClosedBy.SERVER;
    }
}
