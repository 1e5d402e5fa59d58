package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final FieldPlan plan;
    private final Map<String, KnownType> types = new HashMap<>();
    private final ThreadIds threads;
    /** Per pair that streams text, the plan's group of that text. */
    private final Map<Grammar.Pair, Integer> textGroups = new IdentityHashMap<>();
    /** The grammar key holding the event id, or -1. */
    private final int idSlot;
    /** Each thread reuses its own scans: decoding allocates no per-frame read state. */
    private final ThreadLocal<Scans> scans;
    /** Frames decoded so far: each stage shares one decode per frame, and tests count that it stays one. */
    private final LongAdder decodedFrames = new LongAdder();
    /** JSON trees built, by this decoder or on demand for its events: the rules never need one. */
    private final LongAdder trees = new LongAdder();

    /**
     * A thread's reused read state: the scans (one for a frame's top-level object, one for a batch's
     * members), the frame read over them, and the run buffer.
     */
    private record Scans(ObjectScan root, ObjectScan member, FrameRead read, Utf8Buffer run) {
    }

    /**
     * An event type the profile knows: its name, its role, its part in a pair (or null) and, for an
     * inside event of a pair that streams text, the plan's group of that text (else -1), resolved
     * once here rather than looked up per event.
     */
    private record KnownType(String name, EventRole role, Grammar.Member member, int textGroup) {
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
        List<JsonPaths> texts = new ArrayList<>();
        for (Grammar.Pair pair : profile.grammar().pairs()) {
            if (!pair.text().paths().isEmpty()) {
                textGroups.put(pair, texts.size());
                texts.add(pair.text());
            }
        }
        this.plan = new FieldPlan(profile.fields(), profile.contract().paths(), profile.grammar().keyPaths(), texts);
        textGroups.replaceAll((pair, k) -> plan.textGroup(k));
        Map<String, Grammar.Member> members = profile.grammar().members();
        profile.roles().forEach((name, role) -> types.put(name, new KnownType(name, role, members.get(name),
                textGroupOf(members.get(name)))));
        this.idSlot = profile.grammar().runs().idSlot();
        this.threads = new ThreadIds(profile);
        this.scans = ThreadLocal.withInitial(() -> {
            ObjectScan root = new ObjectScan(plan);
            ObjectScan member = new ObjectScan(plan);
            return new Scans(root, member, new FrameRead(root, member), new Utf8Buffer(1 << 16));
        });
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
        new FrameRun(this, lanes, frames, count, scans.get().run()).decode(out, wholeObjects);
    }

    /** One frame's events, not counted (the callers count). */
    List<AgentEvent> decodeOnce(String lane, Frame frame) {
        try {
            if (frame.direction() == Direction.OUT) {
                return List.of(outgoing(lane, frame));
            }
            if (frame.opcode() == Opcode.BINARY) {
                return List.of(flagged(lane, frame, EventRole.BINARY, "binary frame of " + frame.size() + " bytes"));
            }
            if (frame.text() == null) {
                return List.of(flagged(lane, frame, EventRole.MALFORMED, "text frame is not valid UTF-8"));
            }
            if (overLimit(frame.text())) {
                return List.of(flagged(lane, frame, EventRole.MALFORMED, "frame of " + frame.size()
                        + " bytes is over the " + maxFrameBytes + "-byte limit"));
            }
            return incoming(lane, frame);
        } catch (RuntimeException e) {
            // Last line of defence: a decoder bug must not stop the capture.
            return List.of(flagged(lane, frame, EventRole.MALFORMED, "could not be read: " + e));
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
            return List.of(flagged(lane, frame, EventRole.MALFORMED, root == null ? notJson(text)
                    : "JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object"));
        }
        try {
            // Jackson reads UTF-8 bytes faster than chars, even counting the encoding.
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Scans scans = this.scans.get();
            FrameRead read = read(lane, frame, bytes, scans, BatchMode.AUTO);
            if (read.batchModeWrong()) {
                read = read(lane, frame, bytes, scans, read.isBatch() ? BatchMode.BATCH : BatchMode.PLAIN);
            }
            return read.events();
        } catch (IOException e) {
            return List.of(flagged(lane, frame, EventRole.MALFORMED, notJson(text)));
        }
    }

    /** Reads a frame's bytes as one object, with nothing after it. */
    private FrameRead read(String lane, Frame frame, byte[] bytes, Scans scans, BatchMode mode) throws IOException {
        try (ParserBase parser = parser(bytes, 0, bytes.length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            FrameRead read = scans.read().read(lane, frame, bytes, 0, 0, bytes.length, parser, mode);
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
    List<AgentEvent> readInRun(String lane, Frame frame, byte[] bytes, int base, int start, int length,
                               ParserBase parser) throws IOException {
        if (frame.direction() == Direction.OUT) {
            ObjectScan scan = scans.get().root();
            scan.read(parser, bytes, base, null);
            return List.of(outgoing(lane, frame, scan));
        }
        FrameRead read = scans.get().read().read(lane, frame, bytes, base, start, length, parser, BatchMode.AUTO);
        if (read.batchModeWrong()) {
            read.forget();
            return null;
        }
        return read.events();
    }

    /** How a frame's top-level arrays are read: as a batch's members or as content. */
    private enum BatchMode { AUTO, BATCH, PLAIN }

    /**
     * One streaming read of an incoming frame, reused by its thread for frame after frame (an
     * object per frame was a sixth of what decoding allocated). Batch members are read where they
     * stand when the frame's type is known to be the batch type by then (it usually comes first);
     * otherwise the frame is read again knowing its type.
     */
    private final class FrameRead implements ObjectScan.Members {
        private final ObjectScan root;
        private final ObjectScan member;
        private String lane;
        private Frame frame;
        /** The parser's input, from {@link #base} on; the frame's own bytes are {@link #length} from {@link #from}. */
        private byte[] bytes;
        private int base;
        private int from;
        private int length;
        private BatchMode mode;
        private List<AgentEvent> members;
        private boolean membersRead;

        FrameRead(ObjectScan root, ObjectScan member) {
            this.root = root;
            this.member = member;
        }

        /** Reads the object whose START_OBJECT the parser is on, up to its END_OBJECT; returns itself. */
        FrameRead read(String lane, Frame frame, byte[] bytes, int base, int from, int length, ParserBase parser,
                       BatchMode mode) throws IOException {
            this.lane = lane;
            this.frame = frame;
            this.bytes = bytes;
            this.base = base;
            this.from = from;
            this.length = length;
            this.mode = mode;
            this.members = null;
            this.membersRead = false;
            root.read(parser, bytes, base, profile.batchType() == null ? null : this);
            return this;
        }

        boolean isBatch() {
            return profile.batchType().equals(root.text(FieldPlan.Field.TYPE));
        }

        /** True when the members were (or were not) read as such but the final type says otherwise. */
        boolean batchModeWrong() {
            return mode == BatchMode.AUTO && profile.batchType() != null && isBatch() != membersRead;
        }

        @Override
        public boolean wants(String field, ObjectScan scan) {
            return profile.batchField().equals(field) && (mode == BatchMode.BATCH
                    || mode == BatchMode.AUTO && profile.batchType().equals(scan.text(FieldPlan.Field.TYPE)));
        }

        @Override
        public void read(JsonParser parser) throws IOException {
            membersRead = true;
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                members = null; // a repeated field replaces the earlier one, as in a tree
                parser.skipChildren();
                return;
            }
            members = new ArrayList<>();
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    int start = base + (int) parser.currentTokenLocation().getByteOffset() - from;
                    member.read((ParserBase) parser, bytes, base, null);
                    members.add(memberEvent(start, base + (int) parser.currentLocation().getByteOffset() - from));
                } else {
                    parser.skipChildren();
                    members.add(flagged(lane, frame, EventRole.MALFORMED, "batch member is not an object"));
                }
            }
        }

        /** A member's event over a slice of the frame's text (whose offsets match the bytes' when all ASCII). */
        private AgentEvent memberEvent(int start, int end) {
            String text = frame.text();
            if (length == text.length()) {
                return event(lane, frame, member, text, start, end);
            }
            String own = new String(bytes, from + start, end - start, StandardCharsets.UTF_8);
            return event(lane, frame, member, own, 0, own.length());
        }

        /** The frame's events; the read then lets go of the frame. */
        List<AgentEvent> events() {
            List<AgentEvent> events;
            if (profile.batchType() == null || !isBatch()) {
                events = List.of(event(lane, frame, root, frame.text(), 0, frame.text().length()));
            } else if (members == null) {
                events = List.of(flagged(lane, frame, EventRole.MALFORMED,
                        profile.batchType() + " without an array '" + profile.batchField() + "'"));
            } else {
                events = members;
            }
            forget();
            return events;
        }

        /** Drops the references to the frame, so a huge one does not stay reachable from its thread. */
        void forget() {
            frame = null;
            bytes = null;
            members = null;
        }
    }

    private AgentEvent event(String lane, Frame frame, ObjectScan scan, String text, int start, int end) {
        String type = scan.text(FieldPlan.Field.TYPE);
        KnownType known = type == null ? null : types.get(type);
        if (known == null && type != null) {
            EventRole byPrefix = profile.role(type); // a type under a prefix such as mcp_*
            known = byPrefix == null ? null : new KnownType(type, byPrefix, null, -1);
        }
        EventRole role;
        String problem = null;
        Grammar.Pair pair = known == null || known.member() == null ? null : known.member().pair();
        if (known == null) {
            role = EventRole.UNKNOWN;
            problem = type == null ? "event without a type" : "unknown event type '" + type + "'";
        } else {
            role = known.role();
            type = known.name(); // one shared copy of the name instead of one per event
        }
        String runId = scan.text(FieldPlan.Field.RUN_ID);
        String threadId = scan.text(FieldPlan.Field.THREAD_ID);
        if (threadId == null) {
            threadId = threads.of(runId);
        }
        String userId = scan.text(role == EventRole.CONNECTION ? FieldPlan.Field.CONNECTION_USER_ID
                : FieldPlan.Field.USER_ID);
        EventText source = new EventText(text, start, end, scan.contentHash(), scan.wholeSecondTime(), scan.presence(),
                mapper, trees);
        return new AgentEvent(lane, frame.index(), frame.nanos(), type, role, runId, threadId, userId, scan.seq(),
                scan.time(), scan.text(FieldPlan.Field.TOOL_CALL_ID), scan.text(FieldPlan.Field.TOOL_NAME),
                scan.attempt(), null, problem, source, pair == null ? null : known.member(),
                pair == null ? null : scan.key(pair.keySlot()),
                pair == null ? null : scan.key(pair.fallbackSlot()), scan.key(idSlot),
                pair == null ? null : streamed(known, scan));
    }

    /** The text an inside event of a pair that streams text carries, or null. */
    private static String streamed(KnownType known, ObjectScan scan) {
        return known.textGroup() < 0 ? null : scan.streamed(known.textGroup());
    }

    /** The plan's group of the text an inside event of this pair member streams, or -1. */
    private int textGroupOf(Grammar.Member member) {
        if (member == null || member.part() != Grammar.Part.INSIDE) {
            return -1;
        }
        Integer group = textGroups.get(member.pair());
        return group == null ? -1 : group;
    }

    private AgentEvent outgoing(String lane, Frame frame) {
        String text = frame.text();
        if (text != null && !overLimit(text) && startsLikeAnObject(text)) {
            ObjectScan scan = scans.get().root();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            try (ParserBase parser = parser(bytes, 0, bytes.length)) {
                parser.nextToken();
                scan.read(parser, bytes, 0, null);
                if (parser.nextToken() == null) {
                    return outgoing(lane, frame, scan);
                }
            } catch (IOException e) {
                // not JSON: an outgoing event without type or thread
            }
        }
        JsonNode root = text == null || overLimit(text) || startsLikeAnObject(text) ? null : parse(text);
        return new AgentEvent(lane, frame.index(), frame.nanos(), null, EventRole.OUTGOING, null, null, null,
                null, null, null, null, 1, root, null);
    }

    /**
     * The outgoing event of a frame whose object {@code scan} read: a keep-alive this tool sent (a
     * ping, a pong, a heartbeat answer) is {@link EventRole#HEARTBEAT} traffic like the server's, so
     * the timeline does not draw every ping as a prompt; any other message is {@link EventRole#OUTGOING}.
     */
    private AgentEvent outgoing(String lane, Frame frame, ObjectScan scan) {
        String text = frame.text();
        String type = scan.text(FieldPlan.Field.TYPE);
        EventRole role = type != null && profile.role(type) == EventRole.HEARTBEAT ? EventRole.HEARTBEAT
                : EventRole.OUTGOING;
        return new AgentEvent(lane, frame.index(), frame.nanos(), type, role,
                null, scan.text(FieldPlan.Field.OUTGOING_THREAD_ID), null, null, null, null, null, 1, null, null,
                new EventText(text, 0, text.length(), scan.contentHash(), scan.wholeSecondTime(), 0, mapper, trees));
    }

    /** A parser over UTF-8 bytes; Jackson's byte parsers report token offsets in bytes without allocating. */
    ParserBase parser(byte[] bytes, int offset, int length) throws IOException {
        return (ParserBase) factory.createParser(bytes, offset, length);
    }

    private static AgentEvent flagged(String lane, Frame frame, EventRole role, String problem) {
        return new AgentEvent(lane, frame.index(), frame.nanos(), null, role, null, null, null, null, null, null,
                null, 1, null, problem);
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
            return shorten("not JSON: " + e.getOriginalMessage());
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
