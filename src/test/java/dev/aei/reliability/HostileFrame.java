package dev.aei.reliability;

import java.nio.charset.StandardCharsets;

/**
 * One generated hostile frame and what the inspector must make of it.
 *
 * @param opcode      how it goes on the wire
 * @param payload     the exact payload bytes
 * @param expect      the finding it must give
 * @param unknownType for {@link Expect#UNKNOWN_TYPE}, the type name the finding names
 */
record HostileFrame(Wire opcode, byte[] payload, Expect expect, String unknownType) {

    /** How the frame is sent. */
    enum Wire { TEXT, RAW_TEXT, BINARY }

    /** The finding a frame must give. */
    enum Expect {
        /** A {@code malformed-frame} naming this frame. */
        MALFORMED,
        /** An {@code unknown-event} naming this frame (binary). */
        BINARY,
        /** An {@code unknown-event} for its type, once per type. */
        UNKNOWN_TYPE,
        /** Whatever the rules say (possibly nothing); only captured and never crashing. */
        ANY
    }

    static HostileFrame text(String text, Expect expect) {
        return new HostileFrame(Wire.TEXT, text.getBytes(StandardCharsets.UTF_8), expect, null);
    }

    static HostileFrame unknownType(String text, String type) {
        return new HostileFrame(Wire.TEXT, text.getBytes(StandardCharsets.UTF_8), Expect.UNKNOWN_TYPE, type);
    }

    static HostileFrame invalidUtf8(byte[] payload) {
        return new HostileFrame(Wire.RAW_TEXT, payload, Expect.MALFORMED, null);
    }

    static HostileFrame binary(byte[] payload) {
        return new HostileFrame(Wire.BINARY, payload, Expect.BINARY, null);
    }

    /** The text as the client should capture it, or null for raw frames. */
    String text() {
        return opcode == Wire.TEXT ? new String(payload, StandardCharsets.UTF_8) : null;
    }
}
