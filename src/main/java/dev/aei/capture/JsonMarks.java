package dev.aei.capture;

/**
 * Which of a lane's frames the decoder read as exactly one strict JSON object, so that saving a
 * fixture need not parse them again to embed them. A hint, not a record: a mark may be lost to
 * concurrent marking (two threads marking in one word), and a frame without a mark is only checked
 * again, but a mark is never set on a frame nobody marked.
 */
public final class JsonMarks {
    private volatile long[] words = new long[4];

    /** Marks frame {@code index} as read whole as one strict JSON object. */
    public void mark(int index) {
        long[] now = words;
        int word = index >>> 6;
        if (word >= now.length) {
            long[] grown = new long[Math.max(word + 1, now.length * 2)];
            System.arraycopy(now, 0, grown, 0, now.length);
            grown[word] |= 1L << index;
            words = grown;
            return;
        }
        // A plain store: a volatile write per frame costs a fence each, and a reader only loses hints.
        now[word] |= 1L << index;
    }

    /** True when frame {@code index} was marked (as far as this thread can see). */
    public boolean marked(int index) {
        long[] now = words;
        int word = index >>> 6;
        return word < now.length && (now[word] & 1L << index) != 0;
    }
}
