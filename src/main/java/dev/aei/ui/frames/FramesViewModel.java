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
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
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
    private final ObjectProperty<FrameRef> selected = new SimpleObjectProperty<>();
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
    private final FrameSearch search;
    private final RowCache cache;
    private FrameRows rows = new FrameRows();
    private IntArray visible = new IntArray();
    private RowFilter.Test test = RowFilter.ALL.over(rows);
    private boolean everything = true;
    private Session session;
    private Mode mode = Mode.NONE;
    private boolean changingItems;

    /**
     * @param decoder    reads a lane's frame into events (for the seq column, decoded as rows are drawn)
     * @param background runs the payload search
     * @param fx         brings its results back to the FX thread
     */
    public FramesViewModel(BiFunction<String, Frame, List<AgentEvent>> decoder, Executor background, Executor fx) {
        this.cache = new RowCache(decoder);
        this.search = new FrameSearch(background, fx, new FrameSearch.Table() {
            @Override
            public FrameRows rows() {
                return rows;
            }

            @Override
            public int selectedRow() {
                return FramesViewModel.this.selectedRow();
            }

            @Override
            public void selectRow(int row) {
                FramesViewModel.this.selectRow(row);
            }

            @Override
            public IntArray shownOf(IntArray all) {
                return shownRowsOf(all);
            }

            @Override
            public void needleChanged(Needle needle) {
                cache.clear();
                cache.needle(needle);
            }
        });
        lane.addListener((o, a, b) -> refilter());
        direction.addListener((o, a, b) -> refilter());
        chosenTypes.addListener((ListChangeListener<String>) c -> refilter());
        chosenRoles.addListener((ListChangeListener<String>) c -> refilter());
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
        search.rowsAdded();
    }

    private void show(Shown shown) {
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
        selected.set(null);
        selectedIndex.set(-1);
        search.reset();
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
        search.shownChanged();
    }

    private IntArray shownRowsOf(IntArray all) {
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

    // ---- selection ----

    /** Selects the frame shown at a table index (-1 clears). */
    public void selectIndex(int index) {
        selected.set(index < 0 || index >= visible.size() ? null : refOf(visible.get(index)));
        search.showMatches();
    }

    /** Selects a frame (from the timeline or a finding); it stays selected while filtered out. */
    public void select(FrameRef ref) {
        selected.set(ref);
        search.showMatches();
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

    /** The payload search over the rows. */
    public FrameSearch search() {
        return search;
    }

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

    /** The selected frame, or null. */
    public ObjectProperty<FrameRef> selectedProperty() {
        return selected;
    }

    /** The selected frame's index among the shown rows, or -1 (none, or filtered out). */
    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }
}
