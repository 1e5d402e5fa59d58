package dev.aei.protocol;

import java.nio.charset.StandardCharsets;

/** A view of a run of ASCII bytes as chars, read straight from a frame's bytes; valid while they are. */
final class AsciiSlice extends TextSlice {
    private byte[] bytes;

    /** Points the view at the bytes from {@code start} to {@code end}; false (and no view) if one is not ASCII. */
    boolean over(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        this.bytes = bytes;
        this.start = start;
        this.length = end - start;
        return true;
    }

    @Override
    protected char at(int at) {
        return (char) bytes[at];
    }

    @Override
    public String toString() {
        return new String(bytes, start, length, StandardCharsets.US_ASCII);
    }
}
