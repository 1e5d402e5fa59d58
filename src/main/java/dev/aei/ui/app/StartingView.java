package dev.aei.ui.app;

import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * What the window shows the moment the app starts: its size and title and a "starting" line,
 * painted before settings, profiles, fonts, the main layout or the embedded backend load.
 */
public final class StartingView {

    private StartingView() {
    }

    /** Shows the starting state in {@code stage}; the main window later takes the same stage. */
    public static void show(Stage stage) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(40, 40);
        Label label = new Label("Starting Agent Event Inspector…");
        label.setId("starting");
        VBox box = new VBox(14, spinner, label);
        box.setAlignment(Pos.CENTER);
        stage.setScene(new Scene(box, width(), height()));
        stage.setTitle("Agent Event Inspector");
        stage.show();
    }

    /** The main window's first width: the screen's, up to 1440. */
    static double width() {
        return Math.min(1440, screen().getWidth());
    }

    /** The main window's first height: the screen's, up to 900. */
    static double height() {
        return Math.min(900, screen().getHeight());
    }

    private static Rectangle2D screen() {
        return Screen.getPrimary().getVisualBounds();
    }
}
