package dev.aei.ui.findings;

import dev.aei.analysis.Severity;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * How a severity looks everywhere in the app (chips, table, status bar, detail): its own icon shape and
 * a style class that gives it its own colour, so critical and error never read alike: critical a red
 * octagon, error an orange crossed circle, warning an amber triangle, info a blue "i".
 */
public final class SeverityStyle {

    private SeverityStyle() {
    }

    /** The CSS class colouring a severity: {@code severity-critical} etc. */
    public static String styleClass(Severity severity) {
        return "severity-" + severity.label();
    }

    /** The icon's name (ikon description), for tests that tell severities apart. */
    public static String iconName(Severity severity) {
        return ikon(severity).getDescription();
    }

    /** A coloured icon for a severity. */
    public static FontIcon icon(Severity severity) {
        FontIcon icon = new FontIcon(ikon(severity));
        icon.getStyleClass().addAll("severity-icon", styleClass(severity));
        return icon;
    }

    /** "Critical", "Error"… */
    public static String title(Severity severity) {
        String label = severity.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private static Ikon ikon(Severity severity) {
        return switch (severity) {
            case CRITICAL -> MaterialDesignA.ALERT_OCTAGON;
            case ERROR -> MaterialDesignC.CLOSE_CIRCLE;
            case WARNING -> MaterialDesignA.ALERT;
            case INFO -> MaterialDesignI.INFORMATION_OUTLINE;
        };
    }
}
