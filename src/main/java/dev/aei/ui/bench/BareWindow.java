package dev.aei.ui.bench;

import dev.aei.ui.FirstPaint;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up figure's reference: the least a JavaFX window can be (one label in a window of the
 * main window's size), started as its own process and reporting its first painted frame.
 */
public final class BareWindow extends Application {

    /** Launches the window; a main class that is not an Application, so a plain class path starts it. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("A bare JavaFX window")), 1440, 900));
        stage.setTitle("bare");
        stage.show();
        FirstPaint.armIfAsked();
    }
}
