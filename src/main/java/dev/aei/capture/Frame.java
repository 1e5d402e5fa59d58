package dev.aei.capture;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One WebSocket message exactly as it crossed the wire, the source of truth for every view.
 *
 * @param index      position in its lane's frame list (0-based, IN and OUT frames share it)
 * @param direction  IN from the server, OUT from this tool
 * @param nanos      receive (or send) time on the session's monotonic clock, shared by all lanes
 * @param wallMillis wall-clock time of the same instant, epoch millis
 * @param opcode     TEXT or BINARY
 * @param text       the text payload; null for binary frames and for text frames that were not valid UTF-8
 * @param bytes      the raw payload of binary frames and of invalid-UTF-8 text frames; otherwise null
 */
public record Frame(int index, Direction direction, long nanos, long wallMillis,
                   Opcode opcode, String text, byte[] bytes) {

    /** A text frame whose payload decoded as UTF-8. */
    public static Frame text(int index, Direction direction, long nanos, long wallMillis, String text) {
        return new Frame(index, direction, nanos, wallMillis, Opcode.TEXT, text, null);
    }

    /** True for text frames that carry a decoded string. */
    public boolean hasText() {
        return text != null;
    }

    /** True when the frame was sent as text but its bytes were not valid UTF-8. */
    public boolean invalidUtf8() {
        return opcode == Opcode.TEXT && text == null;
    }

    /** Payload size in bytes (UTF-8 length for text). */
    public int size() {
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes == null ? 0 : bytes.length;
    }

    /** The payload as a human-readable string: the text, or base64 of raw bytes. */
    public String displayText() {
        if (text != null) {
            return text;
        }
        return bytes == null ? "" : Base64.getEncoder().encodeToString(bytes);
    }

    /** A copy of this frame with another index (used when frames are re-laid into a new lane). */
    public Frame withIndex(int newIndex) {
        return new Frame(newIndex, direction, nanos, wallMillis, opcode, text, bytes);
    }
}
