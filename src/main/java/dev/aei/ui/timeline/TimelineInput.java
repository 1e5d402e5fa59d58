package dev.aei.ui.timeline;

import java.util.List;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Mouse and keyboard of the timeline. Wheel zooms around the pointer (the time under it stays under it), Shift+wheel scrolls the lanes, a sideways wheel or a drag pans, a click selects
 * the nearest glyph. Keys: + / - zoom, Left / Right pan (with Shift: the lane's next or previous event),
 * Up / Down scroll lanes, Home start, End follow live, F fit, Esc clears the selection.
 */
final class TimelineInput {
    private static final double WHEEL_NOTCH = 40;
    private static final double ZOOM_PER_NOTCH = 1.25;
    private static final double DRAG_THRESHOLD = 3;

    private final TimelineView view;
    private final TimelineSkin skin;
    private final List<Handler<?>> handlers = List.of(
            new Handler<>(MouseEvent.MOUSE_MOVED, this::moved),
            new Handler<>(MouseEvent.MOUSE_EXITED, e -> hover(null)),
            new Handler<>(MouseEvent.MOUSE_PRESSED, this::pressed),
            new Handler<>(MouseEvent.MOUSE_DRAGGED, this::dragged),
            new Handler<>(MouseEvent.MOUSE_RELEASED, this::released),
            new Handler<>(ScrollEvent.SCROLL, this::scrolled),
            new Handler<>(KeyEvent.KEY_PRESSED, this::keyPressed));
    private double pressX;
    private long pressStart;
    private boolean dragging;

    TimelineInput(TimelineView view, TimelineSkin skin) {
        this.view = view;
        this.skin = skin;
    }

    void install() {
        handlers.forEach(h -> h.addTo(view));
    }

    void uninstall() {
        handlers.forEach(h -> h.removeFrom(view));
    }

    private void moved(MouseEvent e) {
        RenderContext ctx = skin.context();
        LaneTrack.FindingMark mark = HitTester.findingAt(ctx, e.getX(), e.getY());
        LaneTrack header = HitTester.headerAt(ctx, e.getX(), e.getY());
        if (header != null) {
            skin.hoverLane(header);
        } else if (mark != null) {
            skin.hoverFinding(mark);
        } else {
            hover(HitTester.frameAt(ctx, e.getX(), e.getY()));
        }
    }

    private void hover(FrameRef ref) {
        skin.hover(ref);
    }

    private void pressed(MouseEvent e) {
        view.requestFocus();
        pressX = e.getX();
        pressStart = view.getVisibleStart();
        dragging = false;
    }

    private void dragged(MouseEvent e) {
        double dx = e.getX() - pressX;
        if (!dragging && Math.abs(dx) < DRAG_THRESHOLD) {
            return;
        }
        dragging = true;
        hover(null);
        long target = pressStart - Math.round(dx * skin.context().scale().nanosPerPixel());
        view.panBy(target - view.getVisibleStart());
    }

    private void released(MouseEvent e) {
        if (!dragging) {
            RenderContext ctx = skin.context();
            if (LiveBadge.bounds(ctx).contains(e.getX(), e.getY())) {
                view.setFollowLive(!view.isFollowLive());
                return;
            }
            LaneTrack.FindingMark mark = HitTester.findingAt(ctx, e.getX(), e.getY());
            FrameRef hit = mark != null ? mark.firstFrame() : HitTester.frameAt(ctx, e.getX(), e.getY());
            if (hit != null) {
                view.selectedFrameProperty().set(hit);
            }
        }
        dragging = false;
    }

    private void scrolled(ScrollEvent e) {
        RenderContext ctx = skin.context();
        if (e.isShiftDown()) {
            skin.scrollLanesBy(-(e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX()));
        } else if (Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            view.panBy(Math.round(-e.getDeltaX() * ctx.scale().nanosPerPixel()));
        } else if (e.getDeltaY() != 0) {
            double factor = Math.pow(ZOOM_PER_NOTCH, -e.getDeltaY() / WHEEL_NOTCH);
            view.zoomAt(ctx.scale().nanos(e.getX() - ctx.layout().plotLeft()), factor);
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        long span = view.getVisibleEnd() - view.getVisibleStart();
        double laneHeight = skin.context().layout().laneHeight();
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> view.zoomIn();
            case MINUS, SUBTRACT -> view.zoomOut();
            case LEFT -> step(e, -1, -span / 8);
            case RIGHT -> step(e, 1, span / 8);
            case UP -> skin.scrollLanesBy(-laneHeight);
            case DOWN -> skin.scrollLanesBy(laneHeight);
            case HOME -> view.scrollToStart();
            case END -> view.setFollowLive(true);
            case F -> view.zoomToFit();
            case ESCAPE -> view.selectedFrameProperty().set(null);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Shift+arrow steps the selection through its lane's events; a bare arrow pans. */
    private void step(KeyEvent e, int frames, long pan) {
        if (e.isShiftDown()) {
            view.stepSelection(frames);
        } else {
            view.panBy(pan);
        }
    }

    /** One event type and what handles it, so installing and removing stay symmetric. */
    private record Handler<T extends Event>(EventType<T> type, EventHandler<T> handler) {
        void addTo(Node node) {
            node.addEventHandler(type, handler);
        }

        void removeFrom(Node node) {
            node.removeEventHandler(type, handler);
        }
    }
}
