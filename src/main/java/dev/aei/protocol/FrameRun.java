package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import dev.aei.capture.Frame;
import java.io.IOException;
import java.util.List;

/**
 * Frames decoded together: the received objects are laid end to end (a newline between two) and
 * read by one parser, as a sequence of root values. A frame counts as read there only when its
 * object begins within its own bytes and ends within them with nothing but whitespace after it;
 * anything else (not JSON, trailing content, a batch read in the wrong mode) is read again alone,
 * exactly as {@link EventDecoder#decode} reads it, and the shared parser starts afresh at the next
 * frame. Frames that are no received object are decoded alone.
 */
final class FrameRun {
    /** Room a thread's run keeps between runs (it stays with the thread): an offline run of 1,024 ordinary frames. */
    private static final int KEPT_BYTES = 1 << 20;

    private final EventDecoder decoder;
    private final String[] lanes;
    private final Frame[] frames;
    private final int count;
    /** Per frame, where its bytes start in {@link #bytes}, or -1 for a frame decoded alone. */
    private final int[] starts;
    private final int[] lengths;
    /** The run's read, and the thread's buffer the objects are laid into. */
    private final FrameRead reader;
    private final Utf8Buffer run;
    private byte[] bytes;

    FrameRun(EventDecoder decoder, String[] lanes, Frame[] frames, int count, Utf8Buffer run, FrameRead reader) {
        this.decoder = decoder;
        this.reader = reader;
        this.run = run;
        this.lanes = lanes;
        this.frames = frames;
        this.count = count;
        this.starts = new int[count];
        this.lengths = new int[count];
    }

    /**
     * Puts each frame's events into {@code out}, in order (replacing what it held), and, if
     * {@code whole} is not null, whether each frame was read in the run: one strict JSON object.
     */
    void decode(List<List<AgentEvent>> out, boolean[] whole) {
        out.clear();
        run.clear(KEPT_BYTES);
        // Room for a run of ordinary frames up front; larger ones (or frames over the limit, which
        // are not laid in at all) grow it only as far as they are appended.
        run.reserve((int) Math.min(charCount(), KEPT_BYTES));
        for (int i = 0; i < count; i++) {
            starts[i] = decoder.readsAsObject(frames[i]) ? append(i, frames[i].text()) : -1;
            out.add(null);
        }
        bytes = run.bytes();
        ParserBase parser = null;
        int base = 0;
        for (int i = 0; i < count; i++) {
            if (starts[i] < 0) {
                if (whole != null) {
                    whole[i] = false;
                }
                out.set(i, decoder.decodeOnce(lanes[i], frames[i]));
                continue;
            }
            if (parser == null) {
                base = starts[i];
                parser = open(base);
            }
            List<AgentEvent> events = parser == null ? null : read(parser, base, i);
            if (whole != null) {
                whole[i] = events != null;
            }
            if (events == null) {
                close(parser);
                parser = null; // the next frame starts a parser of its own
                events = decoder.decodeOnce(lanes[i], frames[i]);
            }
            out.set(i, events);
        }
        close(parser);
        run.clear(KEPT_BYTES); // a run of large frames does not leave its room behind on the thread
    }

    /**
     * The run's characters and a separator per frame. Its loop only loads each frame's text and
     * length, which in a large session all miss the cache; in a loop this short the processor
     * waits for many of them at once instead of one after another.
     */
    private long charCount() {
        long chars = count;
        for (int i = 0; i < count; i++) {
            String text = frames[i].text();
            chars += text == null ? 0 : text.length();
        }
        return chars;
    }

    /** Frame {@code i} read by the shared parser, or null when it must be read alone. */
    private List<AgentEvent> read(ParserBase parser, int base, int i) {
        int start = starts[i];
        int end = start + lengths[i];
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT || base + parser.getTokenCharacterOffset() - 1 < start
                    || base + parser.getTokenCharacterOffset() > end) {
                return null;
            }
            List<AgentEvent> events = decoder.readInRun(reader, lanes[i], frames[i], bytes, base, start, lengths[i], parser);
            return events != null && onlySpaceAfter(base + (int) parser.getTokenCharacterOffset(), end) ? events : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** True when the object ended within the frame and only JSON whitespace follows it there. */
    private boolean onlySpaceAfter(int objectEnd, int end) {
        if (objectEnd > end) {
            return false;
        }
        for (int i = objectEnd; i < end; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Lays frame {@code i}'s bytes after the others; returns where they start. */
    private int append(int i, String text) {
        int start = run.size();
        run.append(text);
        lengths[i] = run.size() - start;
        run.append((byte) '\n');
        return start;
    }

    private ParserBase open(int base) {
        try {
            return decoder.parser(bytes, base, run.size() - base);
        } catch (IOException e) {
            return null;
        }
    }

    private static void close(ParserBase parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // memory input: nothing to release
            }
        }
    }
}
