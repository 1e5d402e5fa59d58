package dev.aei.protocol;

/** A view of a run of a parser's chars; valid until the parser moves on. */
final class CharSlice extends TextSlice {
    private char[] chars;

    /** Points the view at {@code length} chars from {@code offset}; returns this view. */
    CharSlice over(char[] chars, int offset, int length) {
        this.chars = chars;
        this.start = offset;
        this.length = length;
        return this;
    }

    @Override
    protected char at(int at) {
        return chars[at];
    }

    @Override
    public String toString() {
        return new String(chars, start, length);
    }
}
