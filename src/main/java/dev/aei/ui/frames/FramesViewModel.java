package dev.aei.ui.frames;

import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.inspect.Mode;
import dev.aei.inspect.Shown;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.EventRole;
import dev.aei.ui.feed.FeedBatch;
import dev.aei.ui.timeline.FrameRef;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The frames table's state: one row per frame of what is shown (live, a file, a replay), the
 * filters, the payload search and its matches, and the selected frame. Rows are indexes into the
 * session's own frame lists; the search runs on a worker. FX thread only.
 */
public final class FramesViewModel implements Consumer<FeedBatch> {
    /** The lane choice that shows every lane. */
    public static final String ALL_LANES = "All lanes";

    private final RowList items = new RowList();
    private final ObservableList<String> laneChoices = FXCollections.observableArrayList(ALL_LANES);
    private final ObjectProperty<String> lane = new SimpleObjectProperty<>(ALL_LANES);
    private final ObjectProperty<DirectionChoice> direction =
            new SimpleObjectProperty<>(DirectionChoice.BOTH);
    private final ObservableList<String> types = FXCollections.observableArrayList();
    private final ObservableList<String> chosenTypes = FXCollections.observableArrayList();
    private final ObservableList<String> roles = FXCollections.observableArrayList(
            Arrays.stream(EventRole.values()).map(FramesViewModel::roleName).toList());
    private final ObservableList<String> chosenRoles = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty regex = new SimpleBooleanProperty();
    private final BooleanProperty searching = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty matchText = new SimpleStringProperty("");
    private final IntegerProperty matchCount = new SimpleIntegerProperty();
    private final IntegerProperty hitsVersion = new SimpleIntegerProperty();
    private final ObjectProperty<FrameRef> selected = new SimpleObjectProperty<>();
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
    private final SearchRunner search;
    private final RowCache cache;
    private FrameRows rows = new FrameRows();
    private IntArray visible = new IntArray();
    private RowFilter.Test test = RowFilter.ALL.over(rows);
    private boolean everything = true;
    private Session session;
    private Mode mode = Mode.NONE;
    private Needle needle;
    private String needleProblem;
    private IntArray hits = new IntArray();
    private IntArray visibleHits = new IntArray();
    private int searchedTo;
    private boolean changingItems;
    /** Where a search started: its first match is the first at or after this row (typing does not drift). */
    private int anchor = -1;

    /**
     * @param decoder    reads a lane's frame into events (for the seq column, decoded as rows are drawn)
     * @param background runs the payload search
     * @param fx         brings its results back to the FX thread
     */
    public FramesViewModel(BiFunction<String, Frame, List<AgentEvent>> decoder, Executor background, Executor fx) {
        this.search = new SearchRunner(background, fx);
        this.cache = new RowCache(decoder);
        lane.addListener((o, a, b) -> refilter());
        direction.addListener((o, a, b) -> refilter());
        chosenTypes.addListener((ListChangeListener<String>) c -> refilter());
        chosenRoles.addListener((ListChangeListener<String>) c -> refilter());
        query.addListener((o, a, b) -> restartSearch());
        regex.addListener((o, a, b) -> restartSearch());
        selected.addListener((o, was, now) -> selectedIndex.set(indexOf(now)));
    }

    // ---- the feed ----

    /** Takes a drained batch: what is shown may change, then rows are appended. */
    @Override
    public void accept(FeedBatch batch) {
        if (batch.shown() != null) {
            show(batch.shown());
        }
        if (session == null) {
            return;
        }
        batch.lanes().forEach(this::laneOf);
        int before = rows.size();
        int knownTypes = rows.typeCount();
        for (FeedBatch.LaneFrame f : batch.frames()) {
            int laneIdx = laneOf(f.lane());
            if (laneIdx != FrameRows.NONE) {
                rows.add(laneIdx, f.frame(), f.events());
            }
        }
        for (int t = knownTypes; t < rows.typeCount(); t++) {
            types.add(rows.typeName(t));
        }
        int shownBefore = visible.size();
        for (int row = before; row < rows.size(); row++) {
            if (everything || test.passes(row)) {
                visible.add(row);
            }
        }
        changeItems(() -> items.appended(visible, shownBefore));
        if (selected.get() != null && selectedIndex.get() < 0) {
            selectedIndex.set(indexOf(selected.get())); // the selected frame may have just arrived
        }
        if (needle != null && !search.running() && searchedTo < rows.size()) {
            searchFrom(searchedTo); // live rows are searched as they come, in the background
        }
    }

    private void show(Shown shown) {
        search.cancel();
        session = shown.session();
        mode = shown.mode();
        rows = new FrameRows();
        cache.clear();
        laneChoices.setAll(ALL_LANES);
        lane.set(ALL_LANES);
        types.clear();
        chosenTypes.clear();
        test = filter().over(rows);
        everything = filter().all();
        visible = new IntArray();
        changeItems(() -> items.replaced(visible));
        hits = new IntArray();
        visibleHits = new IntArray();
        searchedTo = 0;
        selected.set(null);
        selectedIndex.set(-1);
        showMatches();
    }

    private int laneOf(String id) {
        int known = rows.laneIndex(id);
        if (known != FrameRows.NONE) {
            return known;
        }
        Lane l = session.lane(id);
        if (l == null) {
            return FrameRows.NONE;
        }
        laneChoices.add(id);
        return rows.addLane(l);
    }

    /** Changes the items with {@link #changingItems()} true, so the table's own reaction is not taken for a choice. */
    private void changeItems(Runnable change) {
        changingItems = true;
        try {
            change.run();
        } finally {
            changingItems = false;
        }
    }

    /** True while the items change: a selection change the table makes then is not the user's. */
    public boolean changingItems() {
        return changingItems;
    }

    // ---- filters ----

    private RowFilter filter() {
        String chosenLane = lane.get();
        Set<String> lanes = chosenLane == null || ALL_LANES.equals(chosenLane) ? Set.of() : Set.of(chosenLane);
        Set<EventRole> roleSet = new HashSet<>();
        for (String name : chosenRoles) {
            roleSet.add(EventRole.valueOf(name.toUpperCase(Locale.ROOT).replace(' ', '_')));
        }
        return new RowFilter(lanes, direction.get() == null ? DirectionChoice.BOTH : direction.get(),
                Set.copyOf(chosenTypes), roleSet);
    }

    private void refilter() {
        RowFilter f = filter();
        test = f.over(rows);
        everything = f.all();
        IntArray shown = new IntArray(everything ? rows.size() : 1024);
        for (int row = 0; row < rows.size(); row++) {
            if (everything || test.passes(row)) {
                shown.add(row);
            }
        }
        visible = shown;
        changeItems(() -> items.replaced(visible));
        selectedIndex.set(indexOf(selected.get()));
        visibleHits = visibleOf(hits);
        showMatches();
    }

    private IntArray visibleOf(IntArray all) {
        if (everything) {
            return all;
        }
        IntArray kept = new IntArray(all.size());
        for (int i = 0; i < all.size(); i++) {
            if (test.passes(all.get(i))) {
                kept.add(all.get(i));
            }
        }
        return kept;
    }

    // ---- search ----

    private void restartSearch() {
        search.cancel();
        if (needle == null) {
            anchor = selectedRow();
        }
        hits = new IntArray();
        visibleHits = new IntArray();
        searchedTo = 0;
        cache.clear();
        try {
            needle = Needle.of(query.get(), regex.get());
            needleProblem = null;
        } catch (PatternSyntaxException e) {
            needle = null;
            needleProblem = "Not a regular expression: " + e.getDescription();
        }
        cache.needle(needle);
        hitsVersion.set(hitsVersion.get() + 1);
        if (needle == null) {
            searching.set(false);
            showMatches();
            return;
        }
        searchFrom(0);
    }

    private void searchFrom(int from) {
        FrameRows.Snapshot snapshot = rows.snapshot();
        Needle looking = needle;
        searching.set(true);
        progress.set(0);
        showMatches();
        search.scan(snapshot, from, looking, progress::set, found -> {
            boolean first = hits.isEmpty() && from == 0;
            for (int i = 0; i < found.size(); i++) {
                hits.add(found.get(i));
            }
            searchedTo = snapshot.size();
            visibleHits = visibleOf(hits);
            searching.set(false);
            progress.set(1);
            hitsVersion.set(hitsVersion.get() + 1);
            if (first && !visibleHits.isEmpty()) {
                int at = visibleHits.firstAtOrAbove(Math.max(0, anchor));
                selectRow(visibleHits.get(at < visibleHits.size() ? at : 0)); // wraps round
            }
            showMatches();
            if (searchedTo < rows.size()) {
                searchFrom(searchedTo); // rows arrived while it ran
            }
        });
    }

    /** Stops the search under way; the matches found before it stay. */
    public void cancelSearch() {
        search.cancel();
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
        if (visibleHits.isEmpty()) {
            return;
        }
        int current = selectedRow();
        int at = visibleHits.search(current);
        int target;
        if (forward) {
            int from = at >= 0 ? at + 1 : -at - 1;
            target = from >= visibleHits.size() ? 0 : from;
        } else {
            int from = at >= 0 ? at - 1 : -at - 2;
            target = from < 0 ? visibleHits.size() - 1 : from;
        }
        selectRow(visibleHits.get(target));
        showMatches();
    }

    private void showMatches() {
        matchCount.set(visibleHits.size());
        if (needleProblem != null) {
            matchText.set(needleProblem);
        } else if (needle == null) {
            matchText.set("");
        } else if (searching.get() && hits.isEmpty()) {
            matchText.set("Searching…");
        } else if (visibleHits.isEmpty()) {
            matchText.set(searching.get() ? "Searching…" : "No match");
        } else {
            int at = visibleHits.search(selectedRow());
            String of = visibleHits.size() + (visibleHits.size() == 1 ? " frame" : " frames");
            matchText.set((at >= 0 ? (at + 1) + " of " + of : of) + (searching.get() ? " so far" : ""));
        }
    }

    /** True when the row's payload holds a match of the current search. */
    public boolean isHit(int row) {
        return needle != null && hits.search(row) >= 0;
    }

    // ---- selection ----

    /** Selects the frame shown at a table index (-1 clears). */
    public void selectIndex(int index) {
        selected.set(index < 0 || index >= visible.size() ? null : refOf(visible.get(index)));
        showMatches();
    }

    /** Selects a frame (from the timeline or a finding); it stays selected while filtered out. */
    public void select(FrameRef ref) {
        selected.set(ref);
        showMatches();
    }

    private void selectRow(int row) {
        selected.set(refOf(row));
    }

    private FrameRef refOf(int row) {
        return new FrameRef(rows.lane(rows.laneOf(row)).id(), rows.frameIndex(row));
    }

    /** The selected frame's row, or -1. */
    int selectedRow() {
        FrameRef ref = selected.get();
        return ref == null ? -1 : rows.rowOf(ref.lane(), ref.frame());
    }

    private int indexOf(FrameRef ref) {
        if (ref == null) {
            return -1;
        }
        int row = rows.rowOf(ref.lane(), ref.frame());
        if (row == FrameRows.NONE) {
            return -1;
        }
        int at = visible.search(row);
        return at >= 0 ? at : -1;
    }

    // ---- rows ----

    /** The row at a table index, made on demand (a few hundred are kept for redraws). */
    public FrameRow row(int index) {
        return cache.row(rows, visible.get(index));
    }

    /** The row of the whole session at position {@code row}. */
    FrameRow rowAt(int row) {
        return cache.row(rows, row);
    }

    FrameRows rows() {
        return rows;
    }

    Session session() {
        return session;
    }

    /** What is shown: live, a file or a replay. */
    public Mode mode() {
        return mode;
    }

    static String roleName(EventRole role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    // ---- properties ----

    /** The shown rows' indexes, for the table. */
    public ObservableList<Integer> items() {
        return items;
    }

    /** "All lanes", then each lane. */
    public ObservableList<String> laneChoices() {
        return laneChoices;
    }

    /** The lane shown, or {@link #ALL_LANES}. */
    public ObjectProperty<String> laneProperty() {
        return lane;
    }

    /** Sent, received or both. */
    public ObjectProperty<DirectionChoice> directionProperty() {
        return direction;
    }

    /** Every event type seen. */
    public ObservableList<String> types() {
        return types;
    }

    /** The types shown; empty shows all. */
    public ObservableList<String> chosenTypes() {
        return chosenTypes;
    }

    /** Every event role. */
    public ObservableList<String> roles() {
        return roles;
    }

    /** The roles shown; empty shows all. */
    public ObservableList<String> chosenRoles() {
        return chosenRoles;
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

    /** The selected frame, or null. */
    public ObjectProperty<FrameRef> selectedProperty() {
        return selected;
    }

    /** The selected frame's index among the shown rows, or -1 (none, or filtered out). */
    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }
}
