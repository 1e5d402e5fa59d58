package dev.aei.protocol;

/**
 * A reusable view of a run of a parser's chars, so a value can be read (a timestamp parsed, say)
 * without first copying it into a string. Valid until the parser moves on. Not thread-safe.
 */
final class CharSlice implements CharSequence {
    private char[] chars;
    private int offset;
    private int length;

    /** Points the view at {@code length} chars from {@code offset}; returns this view. */
    CharSlice over(char[] chars, int offset, int length) {
        this.chars = chars;
        this.offset = offset;
        this.length = length;
        return this;
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
        return chars[offset + index];
    }

    /** True when the chars hold {@code c}. */
    boolean contains(char c) {
        for (int i = offset; i < offset + length; i++) {
            if (chars[i] == c) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return new String(chars, offset, length);
    }
}
