package dev.aei.net;

import java.nio.ByteBuffer;

/**
 * The length fields of one RFC 6455 frame header, read without consuming anything. Only used to
 * find where a frame ends, so that each complete frame can be handed to the library on its own.
 *
 * @param opcode        the 4-bit opcode
 * @param fin           whether this is the last fragment of a message
 * @param reserved      whether any of the three reserved bits is set (only an extension may set them)
 * @param headerLength  bytes before the payload (length fields and mask key included)
 * @param payloadLength bytes of payload
 * @param mask          the mask key, or null for an unmasked frame
 */
record FrameHeader(int opcode, boolean fin, boolean reserved, int headerLength, long payloadLength, byte[] mask) {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;

    /** The header at the buffer's position, or null while not all of it has arrived. */
    static FrameHeader peek(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.remaining() < 2) {
            return null;
        }
        int b0 = buffer.get(start) & 0xFF;
        int b1 = buffer.get(start + 1) & 0xFF;
        boolean masked = (b1 & 0x80) != 0;
        int shortLength = b1 & 0x7F;
        int lengthBytes = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0;
        int headerLength = 2 + lengthBytes + (masked ? 4 : 0);
        if (buffer.remaining() < headerLength) {
            return null;
        }
        long payloadLength = shortLength;
        if (lengthBytes > 0) {
            payloadLength = 0;
            for (int i = 0; i < lengthBytes; i++) {
                payloadLength = (payloadLength << 8) | (buffer.get(start + 2 + i) & 0xFF);
            }
        }
        byte[] mask = null;
        if (masked) {
            mask = new byte[4];
            for (int i = 0; i < 4; i++) {
                mask[i] = buffer.get(start + 2 + lengthBytes + i);
            }
        }
        return new FrameHeader(b0 & 0x0F, (b0 & 0x80) != 0, (b0 & 0x70) != 0, headerLength, payloadLength, mask);
    }

    /** True for text, binary and continuation frames (the ones that carry messages). */
    boolean isData() {
        return opcode == CONTINUATION || opcode == TEXT || opcode == BINARY;
    }

    /** Header plus payload, when that fits in an int (a negative or huge length does not). */
    long totalLength() {
        return headerLength + payloadLength;
    }

    /** Unmasks one payload byte at the given payload offset. */
    byte unmask(byte value, long offset) {
        return mask == null ? value : (byte) (value ^ mask[(int) (offset & 3)]);
    }
}
