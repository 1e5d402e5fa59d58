package dev.aei.ui.settings;

import dev.aei.ui.common.Fxml;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import javafx.util.converter.IntegerStringConverter;

/**
 * The settings dialog (laid out in {@code SettingsView.fxml}): theme, how sockets behave, other tools'
 * prompt markers. This
 * controller only binds the form to {@link SettingsViewModel}; every change applies at once.
 */
public final class SettingsView {
    @FXML private ButtonType defaults;
    @FXML private ToggleGroup themes;
    @FXML private RadioButton light;
    @FXML private RadioButton dark;
    @FXML private Spinner<Integer> ping;
    @FXML private Label pingHint;
    @FXML private Spinner<Integer> maxFrame;
    @FXML private CheckBox reconnect;
    @FXML private TextArea canaries;
    @FXML private Label canaryProblems;

    private DialogPane root;
    private SettingsViewModel vm;
    // held here: a bidirectional binding keeps only weak references to these adapters
    private ObjectProperty<Integer> pingValue;
    private ObjectProperty<Integer> maxFrameValue;

    /** Made by the FXML loader; {@link #load} binds it. */
    public SettingsView() {
    }

    /** Loads the form and binds it to the view model. */
    public static SettingsView load(SettingsViewModel vm) {
        Fxml.Form<SettingsView> form = Fxml.load(SettingsView.class, "SettingsView.fxml");
        form.controller().bind(vm, (DialogPane) form.root());
        return form.controller();
    }

    /** Shows the dialog over the owner window without waiting for it to close. */
    public static void show(Window owner, SettingsViewModel vm) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Settings");
        dialog.setDialogPane(load(vm).root());
        dialog.initOwner(owner);
        dialog.show();
    }

    private void bind(SettingsViewModel model, DialogPane pane) {
        this.vm = model;
        this.root = pane;
        showTheme(vm.darkThemeProperty().get());
        vm.darkThemeProperty().addListener((o, was, now) -> showTheme(now));
        themes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.darkThemeProperty().set(now == dark);
            }
        });
        wholeNumbersOnly(ping);
        wholeNumbersOnly(maxFrame);
        pingValue = vm.pingSecondsProperty().asObject();
        ping.getValueFactory().valueProperty().bindBidirectional(pingValue);
        maxFrameValue = vm.maxFrameMiBProperty().asObject();
        maxFrame.getValueFactory().valueProperty().bindBidirectional(maxFrameValue);
        pingHint.textProperty().bind(vm.pingHint());
        Node restore = pane.lookupButton(defaults);
        restore.setId("settings-defaults");
        Tooltip.install(restore, new Tooltip("Put the connection settings back to their defaults (the theme and"
                + " the prompt markers stay)"));
        // a dialog button closes the dialog unless its action is taken here
        restore.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.restoreDefaults();
        });
        reconnect.selectedProperty().bindBidirectional(vm.reconnectProperty());
        canaries.textProperty().bindBidirectional(vm.canaryTextProperty());
        canaryProblems.textProperty().bind(vm.canaryProblems());
        canaryProblems.managedProperty().bind(canaryProblems.textProperty().isNotEmpty());
        // The dialog fits its content once, when shown: it grows and shrinks with the problem's lines
        // here (known once they are laid out and wrapped), or they would push its buttons out of the window.
        InvalidationListener fit = o -> {
            if (pane.getScene() != null && pane.getScene().getWindow() != null) {
                pane.getScene().getWindow().sizeToScene();
            }
        };
        canaryProblems.managedProperty().addListener(fit);
        canaryProblems.heightProperty().addListener(fit);
    }

    /**
     * Text typed into a number field that is no whole number ("abc", nothing) puts back the value in
     * force when the field is left, instead of an exception and a field that shows what was not taken.
     */
    private static void wholeNumbersOnly(Spinner<Integer> spinner) {
        SpinnerValueFactory<Integer> values = spinner.getValueFactory();
        values.setConverter(new IntegerStringConverter() {
            @Override
            public Integer fromString(String text) {
                try {
                    Integer typed = super.fromString(text == null ? null : text.strip());
                    return typed == null ? values.getValue() : typed;
                } catch (NumberFormatException e) {
                    return values.getValue();
                }
            }
        });
        spinner.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                spinner.getEditor().setText(values.getConverter().toString(values.getValue()));
            }
        });
    }

    private void showTheme(boolean isDark) {
        themes.selectToggle(isDark ? dark : light);
    }


    /** The dialog's pane, to put in a dialog. */
    public DialogPane root() {
        return root;
    }
}
