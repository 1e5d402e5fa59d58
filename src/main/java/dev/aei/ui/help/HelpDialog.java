package dev.aei.ui.help;

import atlantafx.base.theme.Styles;
import dev.aei.ui.findings.FindingsView;
import dev.aei.ui.frames.FramesView;
import dev.aei.ui.common.Gesture;
import dev.aei.ui.timeline.TimelineHelp;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The help dialog (F1): what the app does in two sentences, what the mouse does on the timeline, the
 * timeline's legend (every glyph, span and sign), every keyboard shortcut and the frames table's keys.
 */
public final class HelpDialog {
    private static final double WIDTH = 640;

    private HelpDialog() {
    }

    /** Shows the dialog over the owner window; {@code legend} is the timeline's key, drawn as the timeline draws. */
    public static void show(Window owner, List<Shortcut> shortcuts, Node legend) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Help");
        alert.setHeaderText("Agent Event Inspector");
        ScrollPane scroll = new ScrollPane(content(shortcuts, legend));
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(WIDTH);
        scroll.setPrefViewportHeight(Math.min(620, owner == null ? 620 : owner.getHeight() - 160));
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().setId("help-dialog");
        alert.setResizable(true);
        alert.show();
    }

    static VBox content(List<Shortcut> shortcuts, Node legend) {
        Label intro = new Label("Sign in test users, send them a prompt at the same instant and watch every event "
                + "they receive on one timeline. Findings flag ordering gaps and cross-user leaks as they happen.");
        intro.setWrapText(true);
        intro.setMaxWidth(WIDTH - 20);
        GridPane keys = grid();
        int row = 0;
        for (Shortcut s : shortcuts) {
            keys.addRow(row++, keys(s.keysText()), wrapping(s.description()));
        }
        VBox box = new VBox(12, intro, title("Mouse on the timeline"), gestures(TimelineHelp.GESTURES),
                title("Keys on the timeline"), gestures(TimelineHelp.KEYS),
                title("Timeline legend"), legend, title("Keyboard shortcuts"), keys,
                title("In the frames table"), gestures(FramesView.KEYS),
                title("In the findings table"), gestures(FindingsView.KEYS));
        box.setId("help-content");
        return box;
    }

    private static GridPane gestures(List<Gesture> gestures) {
        GridPane grid = grid();
        int row = 0;
        for (Gesture g : gestures) {
            grid.addRow(row++, keys(g.gesture()), wrapping(g.effect()));
        }
        return grid;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(5);
        return grid;
    }

    private static Label keys(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_BOLD, "shortcut-keys");
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }
}
