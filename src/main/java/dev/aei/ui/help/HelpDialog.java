package dev.aei.ui.help;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The help dialog (F1): what the app does in two sentences and every keyboard shortcut. */
public final class HelpDialog {

    private HelpDialog() {
    }

    /** Shows the dialog over the owner window. */
    public static void show(Window owner, List<Shortcut> shortcuts) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("Help");
        alert.setHeaderText("Agent Event Inspector");
        alert.getDialogPane().setContent(content(shortcuts));
        alert.getDialogPane().setId("help-dialog");
        alert.show();
    }

    static VBox content(List<Shortcut> shortcuts) {
        Label intro = new Label("Sign in test users, send them a prompt at the same instant and watch every event "
                + "they receive on one timeline. Findings flag ordering gaps and cross-user leaks as they happen.");
        intro.setWrapText(true);
        intro.setMaxWidth(460);
        GridPane keys = new GridPane();
        keys.setHgap(18);
        keys.setVgap(5);
        int row = 0;
        for (Shortcut s : shortcuts) {
            Label combo = new Label(s.keysText());
            combo.getStyleClass().addAll(Styles.TEXT_BOLD, "shortcut-keys");
            keys.addRow(row++, combo, new Label(s.description()));
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add(Styles.TITLE_4);
        return new VBox(12, intro, title, keys);
    }
}
