package dev.aei.ui.timeline;

import javafx.scene.paint.Color;

/**
 * The timeline's themeable colours: each a CSS property of {@code .timeline-view} whose default
 * stylesheet maps it onto an AtlantaFX looked-up colour; the Java default applies without a theme.
 */
enum PaletteColor {
    BACKGROUND("-aei-background", "#ffffff"),
    LANE_ALT("-aei-lane-alt-background", "#f6f8fa"),
    GRID("-aei-grid-color", "#d8dee4"),
    BORDER("-aei-border-color", "#d0d7de"),
    TEXT("-aei-text-color", "#24292f"),
    MUTED_TEXT("-aei-muted-text-color", "#57606a"),
    ACCENT("-aei-accent-color", "#0969da"),
    THINKING("-aei-thinking-color", "#8250df"),
    TOOL("-aei-tool-color", "#1b7c83"),
    SUCCESS("-aei-success-color", "#1a7f37"),
    WARNING("-aei-warning-color", "#9a6700"),
    DANGER("-aei-danger-color", "#cf222e");

    private final String cssProperty;
    private final Color fallback;

    PaletteColor(String cssProperty, String fallback) {
        this.cssProperty = cssProperty;
        this.fallback = Color.web(fallback);
    }

    String cssProperty() {
        return cssProperty;
    }

    Color fallback() {
        return fallback;
    }

    /** The Java property name, e.g. {@code laneAltBackground}. */
    String propertyName() {
        String[] words = name().toLowerCase().split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name + "Color";
    }
}
