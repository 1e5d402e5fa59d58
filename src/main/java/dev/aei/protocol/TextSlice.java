package dev.aei.protocol;

/**
 * A reusable view of a run of text held elsewhere (a parser's chars, a frame's bytes), so a value
 * can be read (a timestamp parsed, say) without first copying it into a string. Not thread-safe.
 */
abstract class TextSlice implements CharSequence {
    /** Where the run starts in the backing array. */
    protected int start;
    /** How many chars it holds. */
    protected int length;

    /** The char at {@code at}, an index into the backing array. */
    protected abstract char at(int at);

    @Override
    public final int length() {
        return length;
    }

    @Override
    public final char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return at(start + index);
    }

    /** True when the run holds {@code c}. */
    final boolean contains(char c) {
        for (int i = start; i < start + length; i++) {
            if (at(i) == c) {
                return true;
            }
        }
        return false;
    }

    @Override
    public final CharSequence subSequence(int from, int to) {
        return toString().substring(from, to);
    }
}
