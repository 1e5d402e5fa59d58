package dev.aei.ui.about;

import dev.aei.runtime.AppVersion;
import dev.aei.ui.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** The about dialog (laid out in {@code AboutView.fxml}): what the app is, its version and its runtime. */
public final class AboutView {
    /** Shown as the version of classes no build stamped (run straight from an IDE). */
    public static final String DEVELOPMENT = "development build";

    @FXML private Label appVersion;
    @FXML private Label commit;
    @FXML private Label javaVersion;
    @FXML private Label javafxVersion;

    private DialogPane root;

    /** Made by the FXML loader; {@link #load} fills it in. */
    public AboutView() {
    }

    /** Loads the form and shows {@code info} in it. */
    public static AboutView load(AppVersion info) {
        Fxml.Form<AboutView> form = Fxml.load(AboutView.class, "AboutView.fxml");
        form.controller().show(info, (DialogPane) form.root());
        return form.controller();
    }

    /** Shows the dialog over the owner window without waiting for it to close. */
    public static void show(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("About Agent Event Inspector");
        dialog.setDialogPane(load(AppVersion.current()).root());
        dialog.initOwner(owner);
        dialog.show();
    }

    private void show(AppVersion info, DialogPane pane) {
        root = pane;
        appVersion.setText(AppVersion.UNKNOWN.equals(info.version()) ? DEVELOPMENT : info.version());
        commit.setText(info.commit());
        javaVersion.setText(info.javaVersion());
        javafxVersion.setText(info.javaFx());
    }

    /** The dialog's pane, to put in a dialog. */
    public DialogPane root() {
        return root;
    }
}
