package dev.aei.ui.timeline;

import dev.aei.analysis.Severity;
import dev.aei.protocol.EventRole;
import javafx.scene.paint.Color;

/**
 * The colours of one redraw, read from the control's CSS properties (which follow the theme's
 * looked-up colours), so light and dark themes both look right.
 */
record Palette(Color background, Color laneAlt, Color grid, Color border, Color text, Color mutedText,
               Color accent, Color thinking, Color tool, Color success, Color warning, Color danger, Fades fades) {

    /** The colour of an event glyph. */
    Color role(EventRole role) {
        return switch (role) {
            case STARTED, OUTGOING -> accent;
            case THINKING -> thinking;
            case TOOL_START, TOOL_END -> tool;
            case COMPLETED -> success;
            case ERROR, MALFORMED -> danger;
            case UNKNOWN, BINARY -> warning;
            case CONNECTION, HEARTBEAT, OTHER, IGNORE -> mutedText;
        };
    }

    /** The colour of a finding marker. */
    Color severity(Severity severity) {
        return switch (severity) {
            case CRITICAL, ERROR -> danger;
            case WARNING -> warning;
            case INFO -> mutedText;
        };
    }

    /** A see-through variant of a colour, for fills behind glyphs (the same instance every redraw). */
    Color fade(Color color, double opacity) {
        return fades.of(color, opacity);
    }
}
