package dev.aei.ui.findings;

import dev.aei.analysis.Severity;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/** How a severity looks everywhere in the app: an icon and a style class that colours it. */
public final class SeverityStyle {

    private SeverityStyle() {
    }

    /** The CSS class colouring a severity: {@code severity-critical} etc. */
    public static String styleClass(Severity severity) {
        return "severity-" + severity.label();
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
            case ERROR -> MaterialDesignA.ALERT_CIRCLE;
            case WARNING -> MaterialDesignA.ALERT;
            case INFO -> MaterialDesignI.INFORMATION_OUTLINE;
        };
    }
}
