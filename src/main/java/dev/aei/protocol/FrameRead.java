package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import dev.aei.capture.Frame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One streaming read of an incoming frame into its events, reused for the frames of a run (an
 * object per frame was a sixth of what decoding allocated). Batch members are read where
 * they stand when the frame's type is known to be the batch type by then (it usually comes first);
 * otherwise the caller reads the frame again knowing its type. Not thread-safe.
 */
final class FrameRead implements ObjectScan.Members {
    /** How a frame's top-level arrays are read: as a batch's members or as content. */
    enum BatchMode { AUTO, BATCH, PLAIN }

    private final Profile profile;
    private final EventMaker events;
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

    FrameRead(Profile profile, EventMaker events, ObjectScan root, ObjectScan member) {
        this.profile = profile;
        this.events = events;
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

    /** The scan of a frame's top-level object. */
    ObjectScan root() {
        return root;
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
                members.add(EventMaker.flagged(lane, frame, EventRole.MALFORMED, "batch member is not an object"));
            }
        }
    }

    /** A member's event over a slice of the frame's text (whose offsets match the bytes' when all ASCII). */
    private AgentEvent memberEvent(int start, int end) {
        String text = frame.text();
        if (length == text.length()) {
            return events.event(lane, frame, member, text, start, end);
        }
        String own = new String(bytes, from + start, end - start, StandardCharsets.UTF_8);
        return events.event(lane, frame, member, own, 0, own.length());
    }

    /** The frame's events; the read then lets go of the frame. */
    List<AgentEvent> events() {
        List<AgentEvent> read;
        if (profile.batchType() == null || !isBatch()) {
            read = List.of(events.event(lane, frame, root, frame.text(), 0, frame.text().length()));
        } else if (members == null) {
            read = List.of(EventMaker.flagged(lane, frame, EventRole.MALFORMED,
                    profile.batchType() + " without an array '" + profile.batchField() + "'"));
        } else {
            read = members;
        }
        forget();
        return read;
    }

    /** Drops the references to the frame, so a huge one does not stay reachable from its thread. */
    void forget() {
        frame = null;
        bytes = null;
        members = null;
    }
}
