package dev.aei.ui.timeline;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** The timeline's fonts at one size factor, with cached text widths (labels repeat a lot). */
final class TextMetrics {
    private static final double BASE_SIZE = 12;
    private static final int CACHE_LIMIT = 4_096;

    private final double uiScale;
    private final Font regular;
    private final Font small;
    private final Font bold;
    private final Font smallBold;
    private final Text probe = new Text();
    private final Map<String, Double> widths = new HashMap<>();

    TextMetrics(double uiScale) {
        this.uiScale = uiScale;
        String family = Font.getDefault().getFamily();
        regular = Font.font(family, BASE_SIZE * uiScale);
        small = Font.font(family, (BASE_SIZE - 1) * uiScale);
        bold = Font.font(family, FontWeight.BOLD, BASE_SIZE * uiScale);
        smallBold = Font.font(family, FontWeight.BOLD, (BASE_SIZE - 1) * uiScale);
    }

    double uiScale() {
        return uiScale;
    }

    Font regular() {
        return regular;
    }

    Font small() {
        return small;
    }

    Font bold() {
        return bold;
    }

    Font smallBold() {
        return smallBold;
    }

    /** Width of a text in the small font (the one used inside the plot). */
    double smallWidth(String text) {
        return width(text, small);
    }

    double width(String text, Font font) {
        String key = font.getStyle() + font.getSize() + '\u0000' + text;
        Double cached = widths.get(key);
        if (cached == null) {
            if (widths.size() > CACHE_LIMIT) {
                widths.clear();
            }
            probe.setFont(font);
            probe.setText(text);
            cached = probe.getLayoutBounds().getWidth();
            widths.put(key, cached);
        }
        return cached;
    }
}
