package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a decoded event sits in its frame's text (the whole frame, or one member of a batch),
 * with what the decoder learned while reading it. The JSON tree is built only when someone asks
 * for it: the rules never do, so the hot path builds no tree.
 */
public final class EventText {
    private final String frameText;
    private final int start;
    private final int end;
    private final long contentHash;
    private final boolean wholeSecondTime;
    private final long presence;
    private final ObjectMapper mapper;
    /** Counts the trees built, for the decoder's tally. */
    private final LongAdder trees;
    private volatile JsonNode tree;

    EventText(String frameText, int start, int end, long contentHash, boolean wholeSecondTime, long presence,
              ObjectMapper mapper, LongAdder trees) {
        this.frameText = frameText;
        this.start = start;
        this.end = end;
        this.contentHash = contentHash;
        this.wholeSecondTime = wholeSecondTime;
        this.presence = presence;
        this.mapper = mapper;
        this.trees = trees;
    }

    /** The event's JSON text as received. */
    public String json() {
        return start == 0 && end == frameText.length() ? frameText : frameText.substring(start, end);
    }

    /** True when the event's text contains {@code part}, without copying the text. */
    public boolean contains(String part) {
        int at = frameText.indexOf(part, start);
        return at >= 0 && at + part.length() <= end;
    }

    /**
     * A 64-bit hash of the event's content apart from its top-level delivery fields (seq, attempt,
     * timestamp): equal for two deliveries of the same event. Field order does not matter.
     */
    public long contentHash() {
        return contentHash;
    }

    /** True when the server timestamp was written in whole seconds (an integer, or text without a fraction). */
    public boolean wholeSecondTime() {
        return wholeSecondTime;
    }

    /**
     * Which of the client contract's paths hold a value (bit i for its path i, see
     * {@link ContractField#mask()}), noted while decoding so the contract rules build no tree.
     */
    public long presence() {
        return presence;
    }

    /** The JSON tree, parsed on first use; null if the text cannot be read after all. */
    public JsonNode tree() {
        JsonNode parsed = tree;
        if (parsed == null) {
            try {
                trees.increment();
                parsed = mapper.readTree(json());
            } catch (JsonProcessingException e) {
                return null;
            }
            tree = parsed;
        }
        return parsed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventText other && start == other.start && end == other.end
                && frameText.equals(other.frameText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, frameText.length());
    }
}
