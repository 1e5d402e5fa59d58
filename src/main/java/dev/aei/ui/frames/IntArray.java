package dev.aei.ui.frames;

import java.util.Arrays;

/** A growable list of ints without boxing; the frames table keeps its row indexes in these. */
final class IntArray {
    private int[] values;
    private int size;

    IntArray() {
        this(64);
    }

    IntArray(int capacity) {
        values = new int[Math.max(8, capacity)];
    }

    /** A list holding the first {@code size} values of {@code values} (not copied). */
    static IntArray wrap(int[] values, int size) {
        IntArray list = new IntArray(0);
        list.values = values;
        list.size = size;
        return list;
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1) + 8);
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    /** Index of {@code value} in this ascending list, or {@code -(insertion point) - 1}. */
    int search(int value) {
        return Arrays.binarySearch(values, 0, size, value);
    }

    /** Index of the first value at or above {@code value} (size when none); the list is ascending. */
    int firstAtOrAbove(int value) {
        int i = search(value);
        return i >= 0 ? i : -i - 1;
    }

    /** The backing array, valid up to {@link #size()}. */
    int[] raw() {
        return values;
    }
}
