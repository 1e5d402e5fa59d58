package dev.aei.ui.timeline;

import javafx.event.EventHandler;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Mouse and keyboard of the timeline. Wheel zooms around the pointer (around the live edge while
 * following live), Shift+wheel scrolls the lanes, a sideways wheel or a drag pans, a click selects
 * the nearest glyph. Keys: + / - zoom, Left / Right pan, Up / Down scroll lanes, Home start,
 * End follow live, F fit, Esc clears the selection.
 */
final class TimelineInput {
    private static final double WHEEL_NOTCH = 40;
    private static final double ZOOM_PER_NOTCH = 1.25;
    private static final double DRAG_THRESHOLD = 3;

    private final TimelineView view;
    private final TimelineSkin skin;
    private final EventHandler<MouseEvent> moved = this::moved;
    private final EventHandler<MouseEvent> exited = e -> hover(null);
    private final EventHandler<MouseEvent> pressed = this::pressed;
    private final EventHandler<MouseEvent> dragged = this::dragged;
    private final EventHandler<MouseEvent> released = this::released;
    private final EventHandler<ScrollEvent> scrolled = this::scrolled;
    private final EventHandler<KeyEvent> keyPressed = this::keyPressed;
    private double pressX;
    private long pressStart;
    private boolean dragging;

    TimelineInput(TimelineView view, TimelineSkin skin) {
        this.view = view;
        this.skin = skin;
    }

    void install() {
        view.addEventHandler(MouseEvent.MOUSE_MOVED, moved);
        view.addEventHandler(MouseEvent.MOUSE_EXITED, exited);
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, pressed);
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, dragged);
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, released);
        view.addEventHandler(ScrollEvent.SCROLL, scrolled);
        view.addEventHandler(KeyEvent.KEY_PRESSED, keyPressed);
    }

    void uninstall() {
        view.removeEventHandler(MouseEvent.MOUSE_MOVED, moved);
        view.removeEventHandler(MouseEvent.MOUSE_EXITED, exited);
        view.removeEventHandler(MouseEvent.MOUSE_PRESSED, pressed);
        view.removeEventHandler(MouseEvent.MOUSE_DRAGGED, dragged);
        view.removeEventHandler(MouseEvent.MOUSE_RELEASED, released);
        view.removeEventHandler(ScrollEvent.SCROLL, scrolled);
        view.removeEventHandler(KeyEvent.KEY_PRESSED, keyPressed);
    }

    private void moved(MouseEvent e) {
        hover(HitTester.frameAt(skin.context(), e.getX(), e.getY()));
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
            FrameRef hit = HitTester.frameAt(skin.context(), e.getX(), e.getY());
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
            view.zoomAround(ctx.scale().nanos(e.getX() - ctx.layout().plotLeft()), factor);
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        long span = view.getVisibleEnd() - view.getVisibleStart();
        double laneHeight = skin.context().layout().laneHeight();
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> view.zoomIn();
            case MINUS, SUBTRACT -> view.zoomOut();
            case LEFT -> view.panBy(-span / 8);
            case RIGHT -> view.panBy(span / 8);
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
}
