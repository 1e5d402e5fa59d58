package dev.aei.ui.timeline;

/** Binary search over the sorted prefix of a primitive array. */
final class Sorted {

    private Sorted() {
    }

    /** Index of the first of {@code values[0..size)} that is at least {@code key} ({@code size} when none). */
    static int firstAtOrAfter(long[] values, int size, long key) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
