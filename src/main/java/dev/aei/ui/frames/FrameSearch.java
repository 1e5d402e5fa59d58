package dev.aei.ui.frames;

import java.util.concurrent.Executor;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The frames table's payload search: the query, its matches over every row (found on a worker,
 * live rows as they arrive), the matches among the shown rows and stepping through them. FX
 * thread only.
 */
public final class FrameSearch {
    /** What the search needs of the table it searches. */
    interface Table {
        FrameRows rows();

        /** The selected frame's row, or -1. */
        int selectedRow();

        void selectRow(int row);

        /** Those of {@code rows} the filters show. */
        IntArray shownOf(IntArray rows);

        /** The needle changed: cached rows must be highlighted afresh. */
        void needleChanged(Needle needle);
    }

    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty();
    private final BooleanProperty searching = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty matchText = new SimpleStringProperty("");
    private final IntegerProperty matchCount = new SimpleIntegerProperty();
    private final IntegerProperty hitsVersion = new SimpleIntegerProperty();
    private final SearchRunner runner;
    private final Table table;
    private Needle needle;
    private String needleProblem;
    private IntArray hits = new IntArray();
    private IntArray shownHits = new IntArray();
    private int searchedTo;
    /** Where a search started: its first match is the first at or after this row (typing does not drift). */
    private int anchor = -1;

    FrameSearch(Executor background, Executor fx, Table table) {
        this.runner = new SearchRunner(background, fx);
        this.table = table;
        query.addListener((o, a, b) -> restart());
        regex.addListener((o, a, b) -> restart());
    }

    /** Forgets every match: the table shows something else now. */
    void reset() {
        runner.cancel();
        hits = new IntArray();
        shownHits = new IntArray();
        searchedTo = 0;
        showMatches();
    }

    /** Rows were appended: with a search on, they are searched in the background. */
    void rowsAdded() {
        if (needle != null && !runner.running() && searchedTo < table.rows().size()) {
            searchFrom(searchedTo);
        }
    }

    /** The filters or the selection changed: the matches among the shown rows are counted again. */
    void shownChanged() {
        shownHits = table.shownOf(hits);
        showMatches();
    }

    private void restart() {
        runner.cancel();
        if (needle == null) {
            anchor = table.selectedRow();
        }
        hits = new IntArray();
        shownHits = new IntArray();
        searchedTo = 0;
        try {
            needle = Needle.of(query.get(), regex.get());
            needleProblem = null;
        } catch (PatternSyntaxException e) {
            needle = null;
            needleProblem = "Not a regular expression: " + e.getDescription();
        }
        table.needleChanged(needle);
        hitsVersion.set(hitsVersion.get() + 1);
        if (needle == null) {
            searching.set(false);
            showMatches();
            return;
        }
        searchFrom(0);
    }

    private void searchFrom(int from) {
        FrameRows.Snapshot snapshot = table.rows().snapshot();
        searching.set(true);
        progress.set(0);
        showMatches();
        runner.scan(snapshot, from, needle, progress::set, found -> {
            boolean first = hits.isEmpty() && from == 0;
            for (int i = 0; i < found.size(); i++) {
                hits.add(found.get(i));
            }
            searchedTo = snapshot.size();
            shownHits = table.shownOf(hits);
            searching.set(false);
            progress.set(1);
            hitsVersion.set(hitsVersion.get() + 1);
            if (first && !shownHits.isEmpty()) {
                int at = shownHits.firstAtOrAbove(Math.max(0, anchor));
                table.selectRow(shownHits.get(at < shownHits.size() ? at : 0)); // wraps round
            }
            showMatches();
            rowsAdded(); // rows that arrived while it ran
        });
    }

    /** Stops the search under way; the matches found before it stay. */
    public void cancel() {
        runner.cancel();
        searching.set(false);
        showMatches();
    }

    /** Selects the next frame whose payload matches, after the selected one (wrapping round). */
    public void next() {
        step(true);
    }

    /** Selects the previous matching frame (wrapping round). */
    public void previous() {
        step(false);
    }

    private void step(boolean forward) {
        if (shownHits.isEmpty()) {
            return;
        }
        int at = shownHits.search(table.selectedRow());
        int target;
        if (forward) {
            int from = at >= 0 ? at + 1 : -at - 1;
            target = from >= shownHits.size() ? 0 : from;
        } else {
            int from = at >= 0 ? at - 1 : -at - 2;
            target = from < 0 ? shownHits.size() - 1 : from;
        }
        table.selectRow(shownHits.get(target));
        showMatches();
    }

    /** Words the matches ("3 of 12 frames") for the selected row. */
    void showMatches() {
        matchCount.set(shownHits.size());
        if (needleProblem != null) {
            matchText.set(needleProblem);
        } else if (needle == null) {
            matchText.set("");
        } else if (searching.get() && hits.isEmpty()) {
            matchText.set("Searching…");
        } else if (shownHits.isEmpty()) {
            matchText.set(searching.get() ? "Searching…" : "No match");
        } else {
            int at = shownHits.search(table.selectedRow());
            String of = shownHits.size() + (shownHits.size() == 1 ? " frame" : " frames");
            matchText.set((at >= 0 ? (at + 1) + " of " + of : of) + (searching.get() ? " so far" : ""));
        }
    }

    /** True when the row's payload holds a match of the current search. */
    public boolean isHit(int row) {
        return needle != null && hits.search(row) >= 0;
    }

    /** The search text. */
    public StringProperty queryProperty() {
        return query;
    }

    /** Whether the search text is a regular expression. */
    public BooleanProperty regexProperty() {
        return regex;
    }

    /** True while payloads are being searched. */
    public BooleanProperty searchingProperty() {
        return searching;
    }

    /** How far the search came, 0 to 1. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** "3 of 12 frames", "No match", or what is wrong with the regular expression. */
    public StringProperty matchTextProperty() {
        return matchText;
    }

    /** Matching frames among the shown rows. */
    public IntegerProperty matchCountProperty() {
        return matchCount;
    }

    /** Changes whenever the matches change (cells redraw their highlights). */
    public ReadOnlyIntegerProperty hitsVersionProperty() {
        return hitsVersion;
    }
}
