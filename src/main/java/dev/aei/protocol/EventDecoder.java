package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Opcode;
import dev.aei.protocol.FrameRead.BatchMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads frames through a {@link Profile}: each frame gives one event, or several for a batch.
 * Never throws on bad input: malformed, binary and unknown frames come back as events with
 * the matching role. Thread-safe.
 *
 * <p>Frames are read with a streaming parser that keeps only the profile's fields and a content
 * hash (for the duplicate check); an event's JSON tree is built only when someone asks for its
 * {@link AgentEvent#body()}.
 */
public final class EventDecoder {
    /** Frames above this many bytes are malformed unless another limit is given: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
    private static final int MAX_NESTING = 64;
    private static final int MAX_NUMBER_LENGTH = 64;
    private static final int MAX_PROBLEM_LENGTH = 160;

    private final Profile profile;
    private final int maxFrameBytes;
    private final JsonFactory factory;
    private final ObjectMapper mapper;
    private final EventMaker events;
    /** Each thread keeps its own scan memories and run buffer; its reads are made fresh per run of frames. */
    private final ThreadLocal<Scans> scans;
    private final FieldPlan plan;
    /** Frames decoded so far: each stage shares one decode per frame, and tests count that it stays one. */
    private final LongAdder decodedFrames = new LongAdder();
    /** JSON trees built, by this decoder or on demand for its events: the rules never need one. */
    private final LongAdder trees = new LongAdder();

    /**
     * A thread's reused read state: what the scans of a frame's top-level object and of a batch's
     * members remember between frames, and the run buffer.
     */
    record Scans(ScanMemory root, ScanMemory member, Utf8Buffer run) {
    }

    public EventDecoder(Profile profile) {
        this(profile, DEFAULT_MAX_FRAME_BYTES);
    }

    /** A decoder that flags frames over {@code maxFrameBytes} as malformed without parsing them. */
    public EventDecoder(Profile profile, int maxFrameBytes) {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("max frame size must be positive: " + maxFrameBytes);
        }
        this.profile = profile;
        this.maxFrameBytes = maxFrameBytes;
        // Hostile frames must fail fast and cheaply: bound nesting, number and string sizes.
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(maxFrameBytes)
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.plan = new FieldPlan(profile.fields(), profile.contract().paths(), profile.grammar().keyPaths(),
                EventMaker.streamedTexts(profile));
        this.events = new EventMaker(profile, plan, mapper, trees);
        this.scans = ThreadLocal.withInitial(() -> new Scans(new ScanMemory(), new ScanMemory(), new Utf8Buffer(1 << 16)));
    }

    /**
     * How many JSON trees were built: for frames that are no object (to name what they are), and
     * for events whose {@link AgentEvent#body()} someone asked for. Reading objects builds none; the
     * rules ask only to word a finding (a server error's message, where a missing field is instead).
     */
    public long treesBuilt() {
        return trees.sum();
    }

    /** How many frames this decoder has decoded (a frame decoded twice counts twice). */
    public long decodedFrames() {
        return decodedFrames.sum();
    }

    public Profile profile() {
        return profile;
    }

    /** The size above which frames are malformed. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** The events a frame of a lane carries (an OUT frame gives one OUTGOING or, for a keep-alive, HEARTBEAT event). */
    public List<AgentEvent> decode(String lane, Frame frame) {
        decodedFrames.increment();
        return decodeOnce(lane, frame);
    }

    /**
     * The events of {@code count} frames at once, frame {@code i} of lane {@code lanes[i]} into
     * {@code out[i]}: the same events as {@link #decode} gives one by one, read with one parser over
     * the received objects laid end to end (setting up a parser per frame costs about as much as
     * reading a small one). When {@code wholeObjects} is not null, its element {@code i} tells whether
     * frame {@code i} was read as exactly one strict JSON object (with nothing but whitespace after it).
     */
    public void decodeAll(String[] lanes, Frame[] frames, int count, List<List<AgentEvent>> out,
                          boolean[] wholeObjects) {
        decodedFrames.add(count);
        Scans thread = scans.get();
        new FrameRun(this, lanes, frames, count, thread.run(), reader(thread)).decode(out, wholeObjects);
    }

    /**
     * A read with scans of its own over the thread's memories, for one run of frames (or one frame).
     * Made fresh rather than kept with the thread: see {@link ObjectScan}.
     */
    private FrameRead reader(Scans thread) {
        return new FrameRead(profile, events, new ObjectScan(plan, thread.root()), new ObjectScan(plan, thread.member()));
    }

    /** One frame's events, not counted (the callers count). */
    List<AgentEvent> decodeOnce(String lane, Frame frame) {
        try {
            if (frame.direction() == Direction.OUT) {
                return List.of(outgoing(lane, frame));
            }
            if (frame.opcode() == Opcode.BINARY) {
                return List.of(EventMaker.flagged(lane, frame, EventRole.BINARY,
                        "binary frame of " + frame.size() + " bytes"));
            }
            if (frame.text() == null) {
                return List.of(EventMaker.flagged(lane, frame, EventRole.MALFORMED, "text frame is not valid UTF-8"));
            }
            if (overLimit(frame.text())) {
                return List.of(EventMaker.flagged(lane, frame, EventRole.MALFORMED, "frame of " + frame.size()
                        + " bytes is over the " + maxFrameBytes + "-byte limit"));
            }
            return incoming(lane, frame);
        } catch (RuntimeException e) {
            // Last line of defence: a decoder bug must not stop the capture.
            return List.of(EventMaker.flagged(lane, frame, EventRole.MALFORMED, "could not be read: " + e));
        }
    }

    private boolean overLimit(String text) {
        // A UTF-8 char takes at most 3 bytes per UTF-16 unit, so most frames need no byte count.
        if ((long) text.length() * 3 <= maxFrameBytes) {
            return false;
        }
        return text.length() > maxFrameBytes || Utf8.length(text) > maxFrameBytes;
    }

    /** True for a text frame within the limit that starts like an object: one a parser reads. */
    boolean readsAsObject(Frame frame) {
        return frame.text() != null && (frame.direction() == Direction.OUT || frame.opcode() == Opcode.TEXT)
                && !overLimit(frame.text()) && startsLikeAnObject(frame.text());
    }

    private List<AgentEvent> incoming(String lane, Frame frame) {
        String text = frame.text();
        if (!startsLikeAnObject(text)) {
            JsonNode root = parse(text);
            return List.of(EventMaker.flagged(lane, frame, EventRole.MALFORMED, root == null ? notJson(text)
                    : "JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object"));
        }
        try {
            // Jackson reads UTF-8 bytes faster than chars, even counting the encoding.
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            FrameRead reader = reader(scans.get());
            FrameRead read = read(lane, frame, bytes, reader, BatchMode.AUTO);
            if (read.batchModeWrong()) {
                read = read(lane, frame, bytes, reader, read.isBatch() ? BatchMode.BATCH : BatchMode.PLAIN);
            }
            return read.events();
        } catch (IOException e) {
            return List.of(EventMaker.flagged(lane, frame, EventRole.MALFORMED, notJson(text)));
        }
    }

    /** Reads a frame's bytes as one object, with nothing after it. */
    private FrameRead read(String lane, Frame frame, byte[] bytes, FrameRead reader, BatchMode mode) throws IOException {
        try (ParserBase parser = parser(bytes, 0, bytes.length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            FrameRead read = reader.read(lane, frame, bytes, 0, 0, bytes.length, parser, mode);
            if (parser.nextToken() != null) {
                throw new IOException("trailing content after the object");
            }
            return read;
        }
    }

    /**
     * Reads the object a parser over several frames laid end to end is on (its START_OBJECT is the
     * current token), for a frame whose bytes lie at {@code start} in {@code bytes}; the parser's
     * input starts at {@code base}. Returns null where reading the frame alone might differ (a
     * batch read in the wrong mode): the caller then reads it alone.
     */
    List<AgentEvent> readInRun(FrameRead reader, String lane, Frame frame, byte[] bytes, int base, int start,
                               int length, ParserBase parser) throws IOException {
        if (frame.direction() == Direction.OUT) {
            ObjectScan scan = reader.root();
            scan.read(parser, bytes, base, null);
            return List.of(events.outgoing(lane, frame, scan));
        }
        FrameRead read = reader.read(lane, frame, bytes, base, start, length, parser, BatchMode.AUTO);
        if (read.batchModeWrong()) {
            read.forget();
            return null;
        }
        return read.events();
    }

    private AgentEvent outgoing(String lane, Frame frame) {
        String text = frame.text();
        if (text != null && !overLimit(text) && startsLikeAnObject(text)) {
            ObjectScan scan = new ObjectScan(plan, scans.get().root());
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try (ParserBase parser = parser(bytes, 0, bytes.length)) {
                parser.nextToken();
                scan.read(parser, bytes, 0, null);
                if (parser.nextToken() == null) {
                    return events.outgoing(lane, frame, scan);
                }
            } catch (IOException e) {
                // not JSON: an outgoing event without type or thread
            }
        }
        JsonNode root = text == null || overLimit(text) || startsLikeAnObject(text) ? null : parse(text);
        return new AgentEvent(lane, frame.index(), frame.nanos(), null, EventRole.OUTGOING, null, null, null,
                null, null, null, null, 1, root, null);
    }

    /** A parser over UTF-8 bytes; Jackson's byte parsers report token offsets in bytes without allocating. */
    ParserBase parser(byte[] bytes, int offset, int length) throws IOException {
        return (ParserBase) factory.createParser(bytes, offset, length);
    }

    /** True when the first non-blank character opens an object. */
    private static boolean startsLikeAnObject(String text) {
        return firstNonBlank(text) == '{';
    }

    /** The whole text as a tree, or null when it is not JSON (only for frames that are not objects). */
    private JsonNode parse(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = firstNonBlank(text);
        if (first != '{' && first != '[' && first != '"' && first != '-' && !Character.isDigit(first)
                && first != 't' && first != 'f' && first != 'n') {
            return null; // plainly not JSON: skip the parser and its exception
        }
        try {
            trees.increment();
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String notJson(String text) {
        if (text.isBlank()) {
            return "empty text frame";
        }
        try {
            trees.increment();
            mapper.readTree(text);
            return "not JSON";
        } catch (JsonProcessingException e) {
            return shorten("not JSON: " + ParserMessage.of(e));
        }
    }

    private static char firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return ' ';
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        String head = TextCut.head(oneLine, MAX_PROBLEM_LENGTH);
        return head.length() == oneLine.length() ? oneLine : head + TextCut.ELLIPSIS;
    }
}
