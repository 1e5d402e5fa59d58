package dev.aei.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;

/** Switches the whole app between the light and dark Primer themes. */
final class ThemeSwitcher {
    private final BooleanProperty dark = new SimpleBooleanProperty();

    ThemeSwitcher(Parent root, boolean startDark) {
        dark.set(startDark);
        apply(root, startDark);
        dark.addListener((o, was, now) -> apply(root, now));
    }

    private static void apply(Parent root, boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        root.getStyleClass().removeAll("theme-dark", "theme-light");
        root.getStyleClass().add(dark ? "theme-dark" : "theme-light");
    }

    BooleanProperty darkProperty() {
        return dark;
    }

    void toggle() {
        dark.set(!dark.get());
    }
}
