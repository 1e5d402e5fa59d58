package dev.aei.ui.bench;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The window the UI figures draw into: a real stage and scene at a laptop-sized 1280 x 800. */
final class BenchWindow {
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    private final Stage stage = new Stage();
    private final BorderPane root = new BorderPane();

    /** Opens the window in the app's light theme; FX thread only. */
    BenchWindow() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setTitle("aei bench");
        stage.setScene(new Scene(root, WIDTH, HEIGHT));
        stage.show();
    }

    /** Shows a view as the window's content; FX thread only. */
    void show(Node content) {
        root.setCenter(content);
        root.applyCss();
        root.layout();
    }

    /** Closes the window; FX thread only. */
    void close() {
        stage.close();
    }
}
