package dev.aei.ui.app;

import dev.aei.ui.settings.WindowLayout;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.geometry.Rectangle2D;

/**
 * The rules for putting the main window back where it was: which screens count as the same
 * arrangement, and how saved bounds are fitted onto the screens there are now. Plain geometry,
 * tested without a window.
 */
final class Placement {
    /** Smaller than this the window is never restored (unless the screen itself is smaller). */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 400;

    private Placement() {
    }

    /** A name for this arrangement of screens (their bounds, in any order), under which its layout is kept. */
    static String screensKey(List<Rectangle2D> screens) {
        return screens.stream()
                .sorted(Comparator.comparingDouble(Rectangle2D::getMinX).thenComparingDouble(Rectangle2D::getMinY))
                .map(s -> fmt(s.getWidth()) + "x" + fmt(s.getHeight()) + "@" + fmt(s.getMinX()) + "," + fmt(s.getMinY()))
                .collect(Collectors.joining(" + "));
    }

    /**
     * The saved bounds fitted onto the visible areas of the screens ({@code areas}, the primary screen
     * first): on the screen they overlap most, or the primary one when they overlap none, shrunk to it
     * and moved wholly onto it. Empty when nothing usable was saved.
     */
    static Optional<Rectangle2D> fit(WindowLayout saved, List<Rectangle2D> areas) {
        if (areas.isEmpty() || !finite(saved.x(), saved.y(), saved.width(), saved.height())
                || saved.width() <= 0 || saved.height() <= 0) {
            return Optional.empty();
        }
        Rectangle2D wanted = new Rectangle2D(saved.x(), saved.y(), saved.width(), saved.height());
        Rectangle2D screen = areas.get(0);
        double best = 0;
        for (Rectangle2D area : areas) {
            double overlap = overlap(wanted, area);
            if (overlap > best) {
                best = overlap;
                screen = area;
            }
        }
        double w = clamp(wanted.getWidth(), Math.min(MIN_WIDTH, screen.getWidth()), screen.getWidth());
        double h = clamp(wanted.getHeight(), Math.min(MIN_HEIGHT, screen.getHeight()), screen.getHeight());
        double x = clamp(wanted.getMinX(), screen.getMinX(), screen.getMaxX() - w);
        double y = clamp(wanted.getMinY(), screen.getMinY(), screen.getMaxY() - h);
        return Optional.of(new Rectangle2D(x, y, w, h));
    }

    /**
     * The saved divider positions for a split pane with {@code count} dividers, or empty when they do
     * not fit it (another number of panes, or positions outside 0 to 1 or out of order).
     */
    static Optional<double[]> dividers(List<Double> saved, int count) {
        if (saved == null || saved.size() != count || count == 0) {
            return Optional.empty();
        }
        double[] positions = new double[count];
        double previous = 0;
        for (int i = 0; i < count; i++) {
            Double p = saved.get(i);
            if (p == null || !finite(p) || p < previous || p > 1) {
                return Optional.empty();
            }
            positions[i] = p;
            previous = p;
        }
        return Optional.of(positions);
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static boolean finite(double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
