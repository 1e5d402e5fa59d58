package dev.aei.net;

import dev.aei.capture.Opcode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.BinaryFrame;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.protocols.IProtocol;

/**
 * RFC 6455 as the library speaks it, except for two things an inspector must see instead of
 * closing: text frames that are not valid UTF-8 (the library closes with 1007) and frames above
 * the size limit (the library closes with 1009). Incoming bytes are cut at frame boundaries and
 * each complete frame is decoded on its own (by the library, but for plain text frames: see
 * below); a frame the library rejects for bad UTF-8 becomes a {@link RawMessage}, and an oversize
 * data frame is streamed into one, keeping only the first {@code maxFrameBytes}, so memory stays
 * bounded whatever the server sends.
 *
 * <p>A plain text frame (whole, unmasked, no reserved bits, not inside a fragmented message) is
 * decoded here straight from the read buffer: the library would copy its payload, check its
 * UTF-8 in one pass and decode it in another with a fresh decoder, about a microsecond per
 * ordinary frame, which a socket thread under load cannot spare. Anything else is the library's.
 */
final class CaptureDraft extends Draft_6455 {
    private final int maxFrameBytes;
    private byte[] buffer = new byte[16 * 1024];
    private int buffered;
    private Cut cut;
    private boolean droppingContinuation;
    /** True while the library holds the first fragments of a message (its state, mirrored). */
    private boolean libraryMessageOpen;
    private boolean failed;

    CaptureDraft(List<IProtocol> protocols, int maxFrameBytes) {
        super(List.of(), protocols, Integer.MAX_VALUE);
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public Draft copyInstance() {
        List<IProtocol> protocols = new ArrayList<>();
        getKnownProtocols().forEach(p -> protocols.add(p.copyInstance()));
        return new CaptureDraft(protocols, maxFrameBytes);
    }

    @Override
    public void reset() {
        super.reset();
        buffered = 0;
        cut = null;
        droppingContinuation = false;
        libraryMessageOpen = false;
        failed = false;
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer incoming) {
        List<Framedata> frames = new ArrayList<>();
        if (failed) {
            incoming.position(incoming.limit());
            return frames;
        }
        bufferUp(incoming);
        int pos = 0;
        while (!failed) {
            if (cut != null) {
                pos += cut.take(buffer, pos, buffered - pos);
                if (!cut.done()) {
                    break;
                }
                cut.finish().ifPresent(frames::add);
                cut = null;
                continue;
            }
            FrameHeader header = FrameHeader.peek(ByteBuffer.wrap(buffer, pos, buffered - pos));
            if (header == null) {
                break;
            }
            if (startsCut(header, frames)) {
                pos += header.headerLength();
                continue;
            }
            if (!header.isData() && header.payloadLength() > 125) {
                frames.add(reject(new InvalidDataException(CloseFrame.PROTOCOL_ERROR,
                        "control frame longer than 125 bytes")));
                break;
            }
            if (buffered - pos < header.totalLength()) {
                break;
            }
            int end = pos + (int) header.totalLength();
            Framedata text = plainText(pos, end, header);
            if (text != null) {
                frames.add(text);
            } else {
                frames.addAll(translateWhole(pos, end, header));
            }
            pos = end;
        }
        System.arraycopy(buffer, pos, buffer, 0, buffered - pos);
        buffered -= pos;
        return frames;
    }

    @Override
    public void processFrame(WebSocketImpl socket, Framedata frame) throws InvalidDataException {
        if (frame instanceof RejectedFrame rejected) {
            throw rejected.error;
        }
        if (frame instanceof DecodedText decoded) {
            deliver(socket, decoded.text);
            return;
        }
        if (frame instanceof RawMessage raw && socket.getWebSocketListener() instanceof RawMessageSink sink) {
            sink.onRawMessage(raw);
            return;
        }
        super.processFrame(socket, frame);
    }

    /**
     * The frame from {@code start} to {@code end} decoded here when it is a plain text frame, else
     * null. Malformed UTF-8 decodes to U+FFFD: a text holding one is left to the library's strict
     * check (which also passes a real U+FFFD).
     */
    private Framedata plainText(int start, int end, FrameHeader header) {
        if (header.opcode() != FrameHeader.TEXT || !header.fin() || header.reserved() || header.mask() != null
                || libraryMessageOpen) {
            return null;
        }
        int from = start + header.headerLength();
        String text = new String(buffer, from, end - from, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') >= 0 ? null : new DecodedText(text);
    }

    /** Hands a text to the socket's listener as the library does, a listener failure reported as its error. */
    private static void deliver(WebSocketImpl socket, String text) {
        try {
            socket.getWebSocketListener().onWebsocketMessage(socket, text);
        } catch (RuntimeException e) {
            socket.getWebSocketListener().onWebsocketError(socket, e);
        }
    }

    /** Starts streaming an oversize data frame (or a fragment of a message being dropped). */
    private boolean startsCut(FrameHeader header, List<Framedata> frames) {
        if (!header.isData()) {
            return false;
        }
        boolean continuation = header.opcode() == FrameHeader.CONTINUATION;
        if (droppingContinuation && continuation) {
            cut = new Cut(header, 0);
            droppingContinuation = !header.fin();
            return true;
        }
        droppingContinuation = false;
        if (header.payloadLength() <= maxFrameBytes) {
            return false;
        }
        if (continuation) {
            // The library holds the message's first fragments; it cannot be resumed, only refused.
            frames.add(reject(new InvalidDataException(CloseFrame.TOOBIG, "fragmented message over the size limit")));
            return true;
        }
        cut = new Cut(header, maxFrameBytes);
        droppingContinuation = !header.fin();
        return true;
    }

    /** The frame from {@code start} to {@code end} in the buffer, read in place (the library copies its payload). */
    private List<Framedata> translateWhole(int start, int end, FrameHeader header) {
        try {
            List<Framedata> translated = super.translateFrame(ByteBuffer.wrap(buffer, start, end - start));
            if (header.opcode() == FrameHeader.TEXT || header.opcode() == FrameHeader.BINARY) {
                libraryMessageOpen = !header.fin();
            } else if (header.opcode() == FrameHeader.CONTINUATION && header.fin()) {
                libraryMessageOpen = false;
            }
            return translated;
        } catch (InvalidDataException e) {
            if (e.getCloseCode() == CloseFrame.NO_UTF8 && header.opcode() == FrameHeader.TEXT) {
                droppingContinuation = !header.fin();
                return List.of(new RawMessage(Opcode.TEXT, unmaskedPayload(start, end, header), false,
                        header.payloadLength()));
            }
            return List.of(reject(e));
        }
    }

    private Framedata reject(InvalidDataException error) {
        failed = true;
        return new RejectedFrame(error);
    }

    private byte[] unmaskedPayload(int start, int end, FrameHeader header) {
        byte[] payload = Arrays.copyOfRange(buffer, start + header.headerLength(), end);
        for (int i = 0; i < payload.length; i++) {
            payload[i] = header.unmask(payload[i], i);
        }
        return payload;
    }

    private void bufferUp(ByteBuffer incoming) {
        int needed = buffered + incoming.remaining();
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
        int count = incoming.remaining();
        incoming.get(buffer, buffered, count);
        buffered += count;
    }

    /** Told about messages this draft kept raw instead of refusing them. */
    interface RawMessageSink {
        void onRawMessage(RawMessage message);
    }

    /**
     * A message kept as raw bytes: a text frame that is not valid UTF-8, or a frame cut at the limit.
     */
    static final class RawMessage extends BinaryFrame {
        final Opcode opcode;
        final byte[] payload;
        final boolean truncated;
        final long fullLength;

        RawMessage(Opcode opcode, byte[] payload, boolean truncated, long fullLength) {
            this.opcode = opcode;
            this.payload = payload;
            this.truncated = truncated;
            this.fullLength = fullLength;
        }
    }

    /** A plain text frame's message, decoded by this draft. */
    private static final class DecodedText extends TextFrame {
        final String text;

        DecodedText(String text) {
            this.text = text;
        }
    }

    /** A frame the library refused; thrown in turn so the frames before it are still delivered. */
    private static final class RejectedFrame extends BinaryFrame {
        final InvalidDataException error;

        RejectedFrame(InvalidDataException error) {
            this.error = error;
        }
    }

    /** An oversize frame's payload arriving over several reads; keeps only its first bytes. */
    private static final class Cut {
        private final FrameHeader header;
        private final byte[] kept;
        private long seen;

        Cut(FrameHeader header, int keep) {
            this.header = header;
            this.kept = new byte[(int) Math.min(keep, header.payloadLength())];
        }

        /** Consumes up to {@code available} bytes of this payload; returns how many it took. */
        int take(byte[] source, int offset, int available) {
            int count = (int) Math.min(available, header.payloadLength() - seen);
            for (int i = 0; i < count; i++, seen++) {
                if (seen < kept.length) {
                    kept[(int) seen] = header.unmask(source[offset + i], seen);
                }
            }
            return count;
        }

        boolean done() {
            return seen == header.payloadLength();
        }

        Optional<Framedata> finish() {
            if (kept.length == 0) {
                return Optional.empty();
            }
            Opcode opcode = header.opcode() == FrameHeader.TEXT ? Opcode.TEXT : Opcode.BINARY;
            return Optional.of(new RawMessage(opcode, kept, true, header.payloadLength()));
        }
    }
}
