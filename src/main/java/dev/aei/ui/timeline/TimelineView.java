package dev.aei.ui.timeline;

import dev.aei.analysis.Finding;
import dev.aei.capture.Frame;
import dev.aei.capture.LaneEvent;
import dev.aei.protocol.EventDecoder;
import dev.aei.ui.feed.FeedBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.css.Styleable;

/**
 * The live per-user timeline: one lane per user on one shared clock, each event a glyph by role,
 * tool calls as spans, runs bracketed, connection marks and finding markers. Feed it
 * {@link FeedBatch}es (it is a {@code Consumer<FeedBatch>}) or call the {@code add…} methods;
 * use it on the FX thread only. Keys and mouse as {@link TimelineHelp} lists them: + / - zoom,
 * arrows pan, Shift+Left / Right step through a lane's events, Home start, End follow live, F fit;
 * wheel zooms around the pointer, Shift+wheel scrolls lanes, drag pans, click selects the nearest
 * glyph, hover shows what an event is.
 */
public class TimelineView extends Control implements Consumer<FeedBatch> {
    /** The badge's label while the live session is shown (a recording says END or REPLAY n/N). */
    public static final String LIVE = "LIVE";
    /** How much time a fresh timeline shows. */
    public static final long DEFAULT_SPAN_NANOS = 10_000_000_000L;
    private static final double ZOOM_STEP = 2.0;

    private static final StyleablePropertyFactory<TimelineView> STYLES =
            new StyleablePropertyFactory<>(Control.getClassCssMetaData());

    private final TimelineModel model;
    private final Map<PaletteColor, StyleableProperty<Color>> colors = new EnumMap<>(PaletteColor.class);
    private final ObjectProperty<FrameRef> selectedFrame = new SimpleObjectProperty<>(this, "selectedFrame");
    /** The live clock's latest time ({@link #showLiveNow}), or MIN_VALUE when there is none (a file). */
    private long liveNow = Long.MIN_VALUE;
    private final ReadOnlyObjectWrapper<FrameRef> hoveredFrame = new ReadOnlyObjectWrapper<>(this, "hoveredFrame");
    private final BooleanProperty followLive = new SimpleBooleanProperty(this, "followLive", true);
    private final ReadOnlyLongWrapper visibleStart = new ReadOnlyLongWrapper(this, "visibleStart", 0);
    private final ReadOnlyLongWrapper visibleEnd = new ReadOnlyLongWrapper(this, "visibleEnd", DEFAULT_SPAN_NANOS);
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1.0);
    private final Fades fades = new Fades();
    private final StringProperty liveLabel = new SimpleStringProperty(this, "liveLabel", LIVE);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");

    /** A timeline that reads frames with the session's event decoder. */
    public TimelineView(EventDecoder decoder) {
        this((FrameDecoder) decoder::decode);
    }

    /** A timeline that reads frames with any decoding function. */
    public TimelineView(FrameDecoder decoder) {
        this(new TimelineModel(decoder));
    }

    /** A second view of the same data (an export's picture); FX thread only, like the first. */
    TimelineView(TimelineModel model) {
        this.model = model;
        getStyleClass().add("timeline-view");
        setFocusTraversable(true);
        for (PaletteColor color : PaletteColor.values()) {
            StyleableProperty<Color> property = STYLES.createStyleableColorProperty(this, color.propertyName(),
                    color.cssProperty(), view -> view.colors.get(color), color.fallback());
            colors.put(color, property);
            ((ObservableValue<?>) property).addListener(o -> changed()); // a theme switch repaints
        }
        followLive.addListener((obs, was, now) -> {
            if (now) {
                follow();
            }
            changed();
        });
        selectedFrame.addListener((obs, was, now) -> changed());
        scale.addListener((obs, was, now) -> changed());
        liveLabel.addListener((obs, was, now) -> changed());
    }

    // ---- data ----

    /** Takes one drained batch: lanes, frames, connection events and findings. */
    @Override
    public void accept(FeedBatch batch) {
        batch.lanes().forEach(model::lane);
        batch.frames().forEach(f -> model.addFrame(f.lane(), f.frame(), f.events()));
        batch.laneEvents().forEach(e -> model.addLaneEvent(e.lane(), e.event()));
        batch.findings().forEach(model::addFinding);
        dataChanged();
    }

    /** Adds a lane (a user) at the bottom if it is not there yet. */
    public void addLane(String laneId) {
        model.lane(laneId);
        dataChanged();
    }

    /** Adds frames of one lane, in order. */
    public void addFrames(String laneId, Collection<Frame> frames) {
        frames.forEach(frame -> model.addFrame(laneId, frame));
        dataChanged();
    }

    /** Adds one connection event of a lane. */
    public void addLaneEvent(String laneId, LaneEvent event) {
        model.addLaneEvent(laneId, event);
        dataChanged();
    }

    /** Adds one finding; it is drawn on its lane at its first frame. */
    public void addFinding(Finding finding) {
        model.addFinding(finding);
        dataChanged();
    }

    /** What the badge calls following the newest events: "LIVE" by default, "END" while a recording is shown. */
    public StringProperty liveLabelProperty() {
        return liveLabel;
    }

    public String getLiveLabel() {
        return liveLabel.get();
    }

    /** Forgets everything shown (a new session); follows live again. */
    public void clear() {
        model.clear();
        liveNow = Long.MIN_VALUE;
        selectedFrame.set(null);
        hoveredFrame.set(null);
        show(new VisibleRange(0, DEFAULT_SPAN_NANOS));
        followLive.set(true);
        changed();
    }

    /** How many frames the lanes show, all lanes together. */
    public int frameCount() {
        return model.lanes().stream().mapToInt(LaneTrack::frameCount).sum();
    }

    /** Ids of the lanes shown, top to bottom. */
    public List<String> laneIds() {
        return model.lanes().stream().map(LaneTrack::id).toList();
    }

    // ---- navigation ----

    /** Selects a frame and scrolls it into view (centred) when it is outside the visible range. */
    public void select(FrameRef ref) {
        selectedFrame.set(ref);
        LaneTrack lane = ref == null ? null : model.find(ref.lane());
        Frame frame = lane == null ? null : lane.frame(ref.frame());
        if (frame != null && !range().contains(frame.nanos())) {
            followLive.set(false);
            show(range().centredOn(frame.nanos()));
        }
    }

    /**
     * Selects the frame {@code step} places after (negative: before) the selected one on its lane,
     * scrolling it into view; with nothing selected, the first frame from the left edge on the top
     * lane that has one. Nothing changes at either end of a lane.
     */
    public void stepSelection(int step) {
        FrameRef at = selectedFrame.get();
        LaneTrack lane = at == null ? null : model.find(at.lane());
        if (lane != null) {
            int next = lane.neighbour(at.frame(), step);
            if (next >= 0) {
                select(new FrameRef(lane.id(), next));
            }
            return;
        }
        for (LaneTrack track : model.lanes()) {
            int first = track.firstFrameFrom(getVisibleStart());
            if (first >= 0) {
                select(new FrameRef(track.id(), first));
                return;
            }
        }
    }

    /** Halves the visible duration. */
    public void zoomIn() {
        zoomAround(range().middle(), 1 / ZOOM_STEP);
    }

    /** Doubles the visible duration. */
    public void zoomOut() {
        zoomAround(range().middle(), ZOOM_STEP);
    }

    /** Shows everything captured so far. */
    public void zoomToFit() {
        if (model.isEmpty()) {
            return;
        }
        fitTo(model.firstNanos(), model.lastNanos());
    }

    /** Shows the range from {@code first} to {@code last} (a file's own span) with a margin. */
    public void fitTo(long first, long last) {
        show(VisibleRange.fitting(first, last));
    }

    /** Shows exactly this range and stops following live. */
    public void showRange(long startNanos, long endNanos) {
        followLive.set(false);
        show(new VisibleRange(startNanos, endNanos));
    }

    /**
     * Scales the visible duration by {@code factor} keeping {@code anchorNanos} at the same pixel;
     * while following live the live edge stays put instead.
     */
    public void zoomAround(long anchorNanos, double factor) {
        long anchor = followLive.get() ? visibleEnd.get() : anchorNanos;
        show(range().zoomedAbout(anchor, factor, dataSpan()));
    }

    /**
     * Wheel zoom: scales the visible duration by {@code factor} keeping {@code anchorNanos} (the time
     * under the pointer) at the same pixel, also while following live. Zooming in on a point stops
     * following, or the next event would slide that point away.
     */
    public void zoomAt(long anchorNanos, double factor) {
        if (factor < 1) {
            followLive.set(false);
        }
        show(range().zoomedAbout(anchorNanos, factor, dataSpan()));
    }

    /** Moves the visible range by {@code deltaNanos}; moving back in time stops following live. */
    public void panBy(long deltaNanos) {
        if (deltaNanos < 0) {
            followLive.set(false);
        }
        show(range().movedBy(deltaNanos));
    }

    /** Shows the start of the capture and stops following live. */
    public void scrollToStart() {
        followLive.set(false);
        show(range().startingAt(model.firstNanos()));
    }

    /** Saves the timeline as it is drawn now as a PNG image (for bug reports). */
    public void snapshotPng(Path file) throws IOException {
        TimelinePicture.savePng(snapshot(null, null), file);
    }

    /** How long the last redraw took on the FX thread, in nanoseconds (for the benchmark). */
    public long lastRedrawNanos() {
        return getSkin() instanceof TimelineSkin skin ? skin.lastRedrawNanos() : 0;
    }

    /** Redraws now instead of on the next pulse (benchmarks and tests); FX thread only. */
    public void redrawNow() {
        changed();
        layout();
    }

    // ---- properties ----

    /** The frame the user clicked or another view asked for; null when none. */
    public ObjectProperty<FrameRef> selectedFrameProperty() {
        return selectedFrame;
    }

    public FrameRef getSelectedFrame() {
        return selectedFrame.get();
    }

    /** The frame under the mouse pointer, or null. */
    public ReadOnlyObjectProperty<FrameRef> hoveredFrameProperty() {
        return hoveredFrame.getReadOnlyProperty();
    }

    public FrameRef getHoveredFrame() {
        return hoveredFrame.get();
    }

    /** True while the view keeps the newest events in sight; panning back turns it off, End on. */
    public BooleanProperty followLiveProperty() {
        return followLive;
    }

    public boolean isFollowLive() {
        return followLive.get();
    }

    public void setFollowLive(boolean follow) {
        followLive.set(follow);
    }

    /** Session-clock nanos at the left edge of the plot. */
    public ReadOnlyLongProperty visibleStartProperty() {
        return visibleStart.getReadOnlyProperty();
    }

    /** Session-clock nanos at the right edge of the plot. */
    public ReadOnlyLongProperty visibleEndProperty() {
        return visibleEnd.getReadOnlyProperty();
    }

    public long getVisibleStart() {
        return visibleStart.get();
    }

    public long getVisibleEnd() {
        return visibleEnd.get();
    }

    /** Size factor of lanes, glyphs and fonts: 1 normally, about 1.6 for the presenter view. */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    public double getScale() {
        return scale.get();
    }

    public void setScale(double value) {
        scale.set(value);
    }

    /** Counts changes that need a redraw (data, range, selection); the skin listens to it. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    // ---- skin and CSS ----

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TimelineSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return TimelineView.class.getResource("timeline.css").toExternalForm();
    }

    /** The CSS properties of this control, for tools and subclasses. */
    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return STYLES.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }

    // ---- package-private, for the skin ----

    TimelineModel model() {
        return model;
    }

    Palette palette() {
        return new Palette(color(PaletteColor.BACKGROUND), color(PaletteColor.LANE_ALT), color(PaletteColor.GRID),
                color(PaletteColor.BORDER), color(PaletteColor.TEXT), color(PaletteColor.MUTED_TEXT),
                color(PaletteColor.ACCENT), color(PaletteColor.THINKING), color(PaletteColor.TOOL),
                color(PaletteColor.SUCCESS), color(PaletteColor.WARNING), color(PaletteColor.DANGER), fades);
    }

    void setHoveredFrame(FrameRef ref) {
        hoveredFrame.set(ref);
        changed();
    }

    /** Something drawn changed: the skin redraws once on the next pulse. */
    void changed() {
        revision.set(revision.get() + 1);
    }

    private Color color(PaletteColor color) {
        return colors.get(color).getValue();
    }

    private void dataChanged() {
        follow();
        changed();
    }

    private VisibleRange range() {
        return new VisibleRange(visibleStart.get(), visibleEnd.get());
    }

    private long dataSpan() {
        return model.lastNanos() - model.firstNanos();
    }

    /** Keeps the newest events in sight: the range slides, its duration stays. */
    private void follow() {
        if (followLive.get() && !model.isEmpty()) {
            show(range().following(model.firstNanos(), Math.max(model.lastNanos(), liveNow)));
        }
    }

    /**
     * The live session's clock has reached {@code nanos}: while following, the right edge keeps up
     * with it, so a quiet session (every user disconnected, a backend thinking) still moves as LIVE
     * says, instead of stopping at its newest event.
     */
    public void showLiveNow(long nanos) {
        if (nanos > liveNow) {
            liveNow = nanos;
            follow();
        }
    }

    private void show(VisibleRange range) {
        visibleStart.set(range.start());
        visibleEnd.set(range.end());
        changed();
    }
}
