package dev.aei.protocol;

/**
 * A reusable view of a run of ASCII bytes as chars, so a value can be read (a timestamp parsed)
 * straight from a frame's bytes. Valid while those bytes are. Not thread-safe.
 */
final class AsciiSlice implements CharSequence {
    private byte[] bytes;
    private int start;
    private int length;

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
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) bytes[start + index];
    }

    /** True when the bytes hold {@code c}. */
    boolean contains(char c) {
        for (int i = start; i < start + length; i++) {
            if (bytes[i] == c) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return toString().substring(from, to);
    }

    @Override
    public String toString() {
        return new String(bytes, start, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
