package dev.aei.ui.frames;

import java.util.AbstractList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The table's items: a read-only view of the shown rows' indexes (an int array), so a million
 * rows cost no object each; a cell turns its index into a {@link FrameRow} only when drawn.
 */
final class RowList extends ObservableListBase<Integer> {
    private IntArray rows = new IntArray();

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= rows.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** The rows from {@code from} on were appended to the shown array. */
    void appended(IntArray shown, int from) {
        rows = shown;
        if (from < shown.size()) {
            beginChange();
            nextAdd(from, shown.size());
            endChange();
        }
    }

    /** The shown rows are another array now (a filter changed, or a new session). */
    void replaced(IntArray shown) {
        IntArray old = rows;
        rows = shown;
        if (old.isEmpty() && shown.isEmpty()) {
            return;
        }
        beginChange();
        nextReplace(0, shown.size(), view(old));
        endChange();
    }

    private static List<Integer> view(IntArray values) {
        return new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return values.get(index);
            }

            @Override
            public int size() {
                return values.size();
            }
        };
    }
}
