package dev.aei.ui.timeline;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link TimelineView} on one canvas. Changes only mark it dirty and request a layout;
 * the layout pass, at most once per pulse, redraws the whole visible area at pixel resolution.
 */
final class TimelineSkin extends SkinBase<TimelineView> {
    private final Canvas canvas = new Canvas();
    private final ScrollBar lanesBar = new ScrollBar();
    private final LaneBandRenderer bands = new LaneBandRenderer();
    private final AxisRenderer axis = new AxisRenderer();
    private final LaneHeaderRenderer header = new LaneHeaderRenderer();
    private final LiveBadge liveBadge = new LiveBadge();
    private final List<LayerRenderer> plotLayers = List.of(new RunRenderer(), new ToolSpanRenderer(),
            new GlyphRenderer(), new LaneEventRenderer(), new FindingRenderer(), new SelectionRenderer());
    private final InvalidationListener onChange = o -> markDirty();
    private final ChangeListener<FrameRef> onSelect = (obs, was, ref) -> scrollLaneIntoView(ref);
    private final TimelineInput input;
    private TextMetrics text = new TextMetrics(1);
    private boolean dirty = true;
    private double scrollY;
    private HoverCard hoverCard;
    /** What the pointer is over: a FrameRef, a finding mark or null. */
    private Object hovered;
    private long lastRedrawNanos;

    TimelineSkin(TimelineView view) {
        super(view);
        lanesBar.setOrientation(Orientation.VERTICAL);
        lanesBar.setVisible(false);
        lanesBar.valueProperty().addListener((obs, was, now) -> {
            scrollY = now.doubleValue();
            markDirty();
        });
        getChildren().addAll(canvas, lanesBar);
        view.revisionProperty().addListener(onChange);
        view.selectedFrameProperty().addListener(onSelect);
        input = new TimelineInput(view, this);
        input.install();
    }

    @Override
    public void dispose() {
        getSkinnable().revisionProperty().removeListener(onChange);
        getSkinnable().selectedFrameProperty().removeListener(onSelect);
        input.uninstall();
        super.dispose();
    }

    /** Asks for one redraw on the next pulse (repeated calls before it cost nothing). */
    void markDirty() {
        if (!dirty) {
            dirty = true;
            getSkinnable().requestLayout();
        }
    }

    /** How long the last redraw took on the FX thread, in nanoseconds. */
    long lastRedrawNanos() {
        return lastRedrawNanos;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        LaneLayout full = layout(w, h);
        boolean needBar = full.maxScroll() > 0;
        double barWidth = needBar ? lanesBar.prefWidth(-1) : 0;
        lanesBar.setVisible(needBar);
        lanesBar.resizeRelocate(x + w - barWidth, y + full.axisHeight(), barWidth, Math.max(0, h - full.axisHeight()));
        double width = Math.floor(w - barWidth);
        double height = Math.floor(h);
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            dirty = true;
        }
        canvas.relocate(x, y);
        LaneLayout drawn = layout(width, height);
        scrollY = drawn.scrollY();
        lanesBar.setMax(drawn.maxScroll());
        lanesBar.setVisibleAmount(Math.max(1, height - drawn.axisHeight()));
        lanesBar.setUnitIncrement(drawn.laneHeight());
        lanesBar.setValue(scrollY);
        if (dirty) {
            redraw();
        }
    }

    /** The drawing context for the current state, also used to map pointer positions. */
    RenderContext context() {
        TimelineView view = getSkinnable();
        if (text.uiScale() != view.getScale()) {
            text = new TextMetrics(view.getScale());
        }
        LaneLayout layout = layout(canvas.getWidth(), canvas.getHeight());
        TimelineModel model = view.model();
        TimeScale scale = new TimeScale(view.getVisibleStart(), view.getVisibleEnd(), layout.plotWidth(),
                model.originWallMillis(), ZoneId.systemDefault());
        return new RenderContext(model, scale, layout, view.palette(), text, view.getSelectedFrame(),
                view.getHoveredFrame(), view.isFollowLive(), view.getLiveLabel());
    }

    /** Scrolls the lanes by some pixels (positive = further down). */
    void scrollLanesBy(double pixels) {
        LaneLayout layout = layout(canvas.getWidth(), canvas.getHeight());
        scrollY = Math.max(0, Math.min(layout.maxScroll(), scrollY + pixels));
        lanesBar.setValue(scrollY);
        markDirty();
    }

    /** Scrolls the lanes so the selected frame's lane shows (many users do not fit at once). */
    private void scrollLaneIntoView(FrameRef ref) {
        LaneTrack track = ref == null ? null : getSkinnable().model().find(ref.lane());
        if (track == null) {
            return;
        }
        LaneLayout layout = layout(canvas.getWidth(), canvas.getHeight());
        int lane = getSkinnable().model().lanes().indexOf(track);
        double top = layout.laneTop(lane);
        if (top < layout.axisHeight()) {
            scrollLanesBy(top - layout.axisHeight());
        } else if (top + layout.laneHeight() > layout.height()) {
            scrollLanesBy(top + layout.laneHeight() - layout.height());
        }
    }

    /** Hovers a frame and shows its card (null hides it). */
    void hover(FrameRef ref) {
        if (!Objects.equals(ref, hovered)) {
            hovered = ref;
            showHover(ref, ref == null ? null : HoverCard.of(getSkinnable().model(), ref, context().scale()));
        }
    }

    /** Hovers a finding marker: its card, and its first frame ringed. */
    void hoverFinding(LaneTrack.FindingMark mark) {
        if (!mark.equals(hovered)) {
            hovered = mark;
            showHover(mark.firstFrame(), HoverCard.of(mark, context().scale()));
        }
    }

    /** The card shown for what the pointer is over, or null. */
    HoverCard hoverCard() {
        return hoverCard;
    }

    /** Hovers a lane's name in the header column: a card with the whole name. */
    void hoverLane(LaneTrack track) {
        if (!track.equals(hovered)) {
            hovered = track;
            showHover(null, HoverCard.ofLane(track));
        }
    }

    private void showHover(FrameRef ref, HoverCard card) {
        hoverCard = card;
        getSkinnable().setHoveredFrame(ref);
        markDirty();
    }

    private LaneLayout layout(double width, double height) {
        TimelineView view = getSkinnable();
        return new LaneLayout(width, height, view.getScale(), view.model().lanes().size(), scrollY);
    }

    private void redraw() {
        long started = System.nanoTime();
        dirty = false;
        RenderContext ctx = context();
        LaneLayout layout = ctx.layout();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, layout.width(), layout.height());
        g.setFill(ctx.palette().background());
        g.fillRect(0, 0, layout.width(), layout.height());
        bands.draw(g, ctx);
        g.save();
        g.beginPath();
        g.rect(layout.plotLeft(), layout.axisHeight(), layout.width() - layout.plotLeft(),
                layout.height() - layout.axisHeight());
        g.clip();
        axis.drawGrid(g, ctx);
        for (LayerRenderer layer : plotLayers) {
            layer.draw(g, ctx);
        }
        g.restore();
        header.draw(g, ctx);
        axis.drawAxis(g, ctx);
        liveBadge.draw(g, ctx);
        if (ctx.model().lanes().isEmpty()) {
            drawEmptyHint(g, ctx);
        }
        drawHoverCard(g, ctx);
        lastRedrawNanos = System.nanoTime() - started;
    }

    private void drawHoverCard(GraphicsContext g, RenderContext ctx) {
        LaneTrack track = hoverCard == null ? null : ctx.model().find(hoverCard.lane());
        if (track != null) {
            int lane = ctx.model().lanes().indexOf(track);
            double x = hoverCard.atHeader() ? ctx.layout().headerWidth() * 0.4 : ctx.x(hoverCard.nanos());
            hoverCard.draw(g, ctx, x, ctx.layout().laneCenter(lane));
        } else {
            hoverCard = null; // its lane is gone (cleared)
            hovered = null;
        }
    }

    private static void drawEmptyHint(GraphicsContext g, RenderContext ctx) {
        LaneLayout layout = ctx.layout();
        g.setFill(ctx.palette().mutedText());
        g.setFont(ctx.text().regular());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("Waiting for events… connect users and send a prompt", layout.width() / 2,
                layout.axisHeight() + (layout.height() - layout.axisHeight()) / 2);
    }
}
