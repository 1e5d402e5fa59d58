package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads one event object token by token: keeps the values of the profile's fields (for each,
 * the value at the first path in lookup order that holds a non-null value, as a tree lookup
 * would) and hashes the content apart from the top-level delivery fields, without building a
 * tree. Only objects on a profile path are walked; the others are skipped and hashed as the raw
 * bytes they were sent as. Reusable: each {@link #read} starts afresh. Not thread-safe.
 *
 * <p>Made for a run of frames, not kept with its thread: a kept scan ends up in the collector's old
 * generation, where every reference a read stores into it (a dozen per event) costs the fence of
 * the write barrier; in a young scan those stores are plain.
 */
final class ObjectScan {
    /** Called for the members of an event batch instead of reading them as content. */
    interface Members {
        /** True when the value of this top-level field is a batch's member list (or should have been). */
        boolean wants(String field, ObjectScan scan);

        /** Reads the value; the parser is on its first token and must be left on its last. */
        void read(JsonParser parser) throws IOException;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final FieldPlan plan;
    /** Per slot (field and path) the value found there, converted for its field; null if none. */
    private final Object[] values;
    /** Per slot: true when a non-null value was found there. */
    private final boolean[] found;
    /** Per group (a field, or a key of the grammar): its first slot in lookup order holding a value, or -1. */
    private final int[] first;
    /** Per slot of the timestamp: true when it was written in whole seconds. */
    private final boolean[] wholeSeconds;
    /** Bit i set while presence path i holds a non-null value (kept as {@link #found} changes). */
    private long presence;
    private long contentHash;
    private final TextCache texts;
    private final SeqReader seqs;
    /** The common ISO timestamp read from the bytes, its date and time remembered from the previous event. */
    private final IsoBytes isoBytes;
    /** The input of the current read, and where the parser's input starts in it. */
    private byte[] bytes;
    private int base;
    /** The raw content of the string value last located, and the token offset it was located for. */
    private int rawStart;
    private int rawEnd;
    private long rawAt = -1;
    /** The located string's content hash, or 0 until computed. */
    private long rawHash;

    /** A scan over {@code plan} that remembers recent values in its thread's {@code memory}. */
    ObjectScan(FieldPlan plan, ScanMemory memory) {
        this.plan = plan;
        this.texts = memory.texts();
        this.seqs = memory.seqs();
        this.isoBytes = memory.isoBytes();
        this.values = new Object[plan.slotCount()];
        this.found = new boolean[plan.slotCount()];
        this.wholeSeconds = new boolean[plan.slotCount()];
        this.first = new int[plan.groupCount()];
    }

    /**
     * Reads from the object's START_OBJECT (the parser's current token) to its END_OBJECT.
     * {@code bytes} is the parser's input, which starts at {@code base} in it; {@code members}, if
     * not null, is asked about every top-level field.
     */
    void read(ParserBase p, byte[] bytes, int base, Members members) throws IOException {
        this.bytes = bytes;
        this.base = base;
        this.rawAt = -1;
        Arrays.fill(found, false);
        Arrays.fill(first, -1);
        presence = 0;
        long hash = ContentHash.START;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            FieldPlan.Step step = plan.root().child(name);
            JsonToken value = p.nextToken();
            if (members != null && members.wants(name, this)) {
                members.read(p);
                continue;
            }
            int start = base + tokenEnd(p) - 1;
            take(p, step, value);
            if (value.isStructStart() && !p.currentToken().isStructEnd()) {
                throw new IOException("the " + name + " value does not end"); // a truncated frame
            }
            if (step == null || !step.deliveryField()) {
                long valueHash = value.isStructStart()
                        ? ContentHash.raw(bytes, start, Math.min(base + tokenEnd(p), bytes.length))
                        : scalarHash(p, value);
                hash += ContentHash.field(name, valueHash);
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("the object does not end"); // the parser reports truncation first
        }
        contentHash = ContentHash.finish(hash);
    }

    /**
     * Where the current bracket token ends, in bytes: a byte parser's token offset counts the
     * token's first byte as read.
     */
    private static int tokenEnd(ParserBase p) {
        return (int) p.getTokenCharacterOffset();
    }

    /** Keeps what the plan wants of a value and moves past it, walking into objects on a path. */
    private void take(ParserBase p, FieldPlan.Step step, JsonToken value) throws IOException {
        if (step == null) {
            p.skipChildren();
            return;
        }
        found(step, p, value);
        if (value != JsonToken.START_OBJECT || !step.hasChildren()) {
            p.skipChildren();
            return;
        }
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            FieldPlan.Step child = step.child(p.currentName());
            take(p, child, p.nextToken());
        }
    }

    /**
     * Locates the raw content of the current string value in the input (between its quotes), for
     * a string without escapes: its bytes are then exactly the UTF-8 of its text, and neither the
     * parser nor this scan needs to decode it. False for a string with an escape.
     */
    private boolean raw(ParserBase p) {
        long at = p.getTokenCharacterOffset();
        if (at == rawAt) {
            return rawEnd >= 0;
        }
        rawAt = at;
        rawEnd = -1;
        rawHash = 0;
        int start = base + (int) at; // a string token's offset is that of its first content byte
        if (start < 1 || start > bytes.length || bytes[start - 1] != '"') {
            return false;
        }
        for (int i = nextQuoteOrEscape(bytes, start); i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                rawStart = start;
                rawEnd = i;
                return true;
            }
            if (b == '\\') {
                return false;
            }
        }
        return false; // unterminated: the parser reports it when it moves on
    }

    /**
     * Where the first quote or backslash from {@code from} on may be, eight bytes at a time: the
     * first byte of the first word holding one, or where the whole words end.
     */
    private static int nextQuoteOrEscape(byte[] bytes, int from) {
        int i = from;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long quotes = word ^ 0x2222_2222_2222_2222L;
            long escapes = word ^ 0x5C5C_5C5C_5C5C_5C5CL;
            // A byte that is zero in either sets its high bit here (bits above the first may be false alarms).
            long zero = (quotes - 0x0101_0101_0101_0101L & ~quotes | escapes - 0x0101_0101_0101_0101L & ~escapes)
                    & 0x8080_8080_8080_8080L;
            if (zero != 0) {
                return i + (Long.numberOfTrailingZeros(zero) >>> 3);
            }
        }
        return i;
    }

    /** A 64-bit hash of a scalar: the UTF-8 of its decoded text (escapes do not matter) or its literal. */
    private long scalarHash(ParserBase p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> raw(p) ? rawHash() : escapedHash(p);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    ContentHash.number(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            case VALUE_TRUE -> ContentHash.TRUE;
            case VALUE_FALSE -> ContentHash.FALSE;
            default -> ContentHash.NULL;
        };
    }

    /** The hash of the located raw string, computed once for both the content hash and the text cache. */
    private long rawHash() {
        if (rawHash == 0) {
            rawHash = ContentHash.string(bytes, rawStart, rawEnd);
        }
        return rawHash;
    }

    /** The hash of a string with escapes: that of its decoded text's UTF-8, as for one without. */
    private static long escapedHash(JsonParser p) throws IOException {
        byte[] utf8 = p.getText().getBytes(StandardCharsets.UTF_8);
        return ContentHash.string(utf8, 0, utf8.length);
    }

    /** Keeps a value the plan wants at this step; a later value of a repeated field replaces it, as in a tree. */
    private void found(FieldPlan.Step step, ParserBase p, JsonToken t) throws IOException {
        for (int slot : step.slots()) {
            FieldPlan.Field field = plan.fieldOf(slot);
            int group = plan.groupOf(slot);
            if (t == JsonToken.VALUE_NULL || field == FieldPlan.Field.TEXT && t != JsonToken.VALUE_STRING) {
                found[slot] = false; // a null (or for a streamed text, no string) leaves the lookup to the next path
                if (field == FieldPlan.Field.PRESENCE) {
                    presence &= ~(1L << plan.rankOf(slot));
                }
                if (first[group] == slot) {
                    first[group] = firstFound(group);
                }
                continue;
            }
            found[slot] = true;
            if (field == FieldPlan.Field.PRESENCE) {
                presence |= 1L << plan.rankOf(slot);
            }
            values[slot] = switch (field) {
                case SEQ -> seqs.read(p, t);
                case TIMESTAMP -> time(slot, p, t);
                case ATTEMPT -> t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                        && p.getIntValue() > 0 ? Integer.valueOf(p.getIntValue()) : null;
                case PRESENCE -> Boolean.TRUE; // only whether it is there counts: no text is made
                default -> text(p, t);
            };
            int best = first[group];
            if (best < 0 || slot < best) { // a group's slots are numbered in lookup order
                first[group] = slot;
            }
        }
    }

    /**
     * A value as text, as a tree's {@code asText()} writes it; null for objects and arrays. Strings
     * come from the cache, so every event of a run shares one copy of its ids.
     */
    private String text(ParserBase p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> raw(p) ? texts.of(bytes, rawStart, rawEnd, rawHash()) : p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? p.getBigIntegerValue().toString() : String.valueOf(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> String.valueOf(p.getDoubleValue());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> null;
        };
    }

    private Instant time(int slot, ParserBase p, JsonToken t) throws IOException {
        wholeSeconds[slot] = false;
        if (t == JsonToken.VALUE_NUMBER_INT) {
            wholeSeconds[slot] = true;
            return TimestampParser.epoch(p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? new BigDecimal(p.getBigIntegerValue()) : BigDecimal.valueOf(p.getLongValue()));
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double seconds = p.getDoubleValue();
            return Double.isFinite(seconds) ? TimestampParser.epoch(BigDecimal.valueOf(seconds)) : null;
        }
        if (t == JsonToken.VALUE_STRING && raw(p)) {
            Instant iso = isoBytes.parse(bytes, rawStart, rawEnd);
            if (iso != null) {
                wholeSeconds[slot] = isoBytes.wholeSeconds();
                return iso;
            }
        }
        if (t == JsonToken.VALUE_STRING) {
            String text = p.getText(); // another shape, or escapes: read as text
            wholeSeconds[slot] = text.indexOf('.') < 0;
            return TimestampParser.text(text);
        }
        return null;
    }

    /** The slot of the first path in lookup order that holds a non-null value, or -1. */
    private int firstFound(int group) {
        for (int slot : plan.slotsOfGroup(group)) {
            if (found[slot]) {
                return slot;
            }
        }
        return -1;
    }

    private Object value(FieldPlan.Field field) {
        int slot = first[field.ordinal()];
        return slot < 0 ? null : values[slot];
    }

    /** The text found for a field, or null. */
    String text(FieldPlan.Field field) {
        return (String) value(field);
    }

    /** The text found for key {@code k} of the grammar, or null (also for k = -1). */
    String key(int k) {
        if (k < 0) {
            return null;
        }
        int slot = first[FieldPlan.FIELD_COUNT + k];
        return slot < 0 ? null : (String) values[slot];
    }

    /** The streamed text of group {@code group}, or null. */
    String streamed(int group) {
        int slot = first[group];
        return slot < 0 ? null : (String) values[slot];
    }

    Long seq() {
        return (Long) value(FieldPlan.Field.SEQ);
    }

    Instant time() {
        return (Instant) value(FieldPlan.Field.TIMESTAMP);
    }

    /** True when the timestamp was written in whole seconds (an integer, or text without a fraction). */
    boolean wholeSecondTime() {
        int slot = first[FieldPlan.Field.TIMESTAMP.ordinal()];
        return slot >= 0 && wholeSeconds[slot];
    }

    int attempt() {
        Integer attempt = (Integer) value(FieldPlan.Field.ATTEMPT);
        return attempt == null ? 1 : attempt;
    }

    /** Bit i set when presence path i of the plan holds a non-null value. */
    long presence() {
        return presence;
    }

    /** The content hash: equal for objects equal apart from their top-level delivery fields. */
    long contentHash() {
        return contentHash;
    }
}
