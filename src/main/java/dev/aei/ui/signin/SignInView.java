package dev.aei.ui.signin;

import static dev.aei.ui.common.Nodes.showIf;

import atlantafx.base.controls.PasswordTextField;
import dev.aei.net.LaneState;
import dev.aei.ui.common.Fxml;
import dev.aei.ui.settings.AppSettings;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;

/**
 * The sign-in panel (laid out in {@code SignInView.fxml}): connection settings, the test users and
 * their live status, connect/disconnect. This controller only binds the form to {@link SignInViewModel}.
 */
public final class SignInView {
    @FXML private TableView<UserRow> table;
    @FXML private TableColumn<UserRow, Boolean> enabledColumn;
    @FXML private TableColumn<UserRow, String> idColumn;
    @FXML private TableColumn<UserRow, LaneState> statusColumn;
    @FXML private TextField newUser;
    @FXML private Button openTab;
    @FXML private Button remove;
    @FXML private Label message;
    @FXML private TitledPane connection;
    @FXML private TextField server;
    @FXML private ChoiceBox<String> auth;
    @FXML private Label ticketLabel;
    @FXML private TextField tickets;
    @FXML private ChoiceBox<String> tokens;
    @FXML private Label algorithmLabel;
    @FXML private ChoiceBox<String> algorithm;
    @FXML private Label keyFileLabel;
    @FXML private TextField keyFile;
    @FXML private Label loginLabel;
    @FXML private TextField login;
    @FXML private Label secretLabel;
    @FXML private PasswordTextField secret;
    @FXML private CheckBox remember;
    @FXML private ComboBox<String> profile;

    private Region root;
    private SignInViewModel vm;

    /** Made by the FXML loader; {@link #load} binds it. */
    public SignInView() {
    }

    /** Loads the panel and binds it to the view model. */
    public static SignInView load(SignInViewModel vm) {
        Fxml.Form<SignInView> form = Fxml.load(SignInView.class, "SignInView.fxml");
        form.controller().bind(vm, (Region) form.root());
        return form.controller();
    }

    @FXML
    private void initialize() {
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        openTab.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    }

    private void bind(SignInViewModel model, Region panel) {
        this.vm = model;
        this.root = panel;
        UserTable.bind(table, enabledColumn, idColumn, statusColumn, vm,
                row -> ClaimsDialog.edit(vm, row, panel.getScene() == null ? null : panel.getScene().getWindow()));
        message.textProperty().bind(vm.messageProperty());
        connection.setExpanded(!vm.serverUrlProperty().get().isBlank());
        bindForm();
    }

    private void bindForm() {
        server.textProperty().bindBidirectional(vm.serverUrlProperty());
        choose(auth, SignInViewModel.AUTH_MODES, vm.authModeProperty());
        choose(tokens, SignInViewModel.TOKEN_MODES, vm.tokenModeProperty());
        choose(algorithm, SignInViewModel.ALGORITHMS, vm.algorithmProperty());
        bindSecret();
        remember.selectedProperty().bindBidirectional(vm.rememberSecretProperty());
        keyFile.textProperty().bindBidirectional(vm.keyFileProperty());
        login.textProperty().bindBidirectional(vm.loginUrlProperty());
        tickets.textProperty().bindBidirectional(vm.ticketUrlProperty());
        profile.setItems(FXCollections.observableArrayList(SignInViewModel.PROFILES));
        profile.valueProperty().bindBidirectional(vm.profileProperty());

        BooleanBinding keyMode = vm.tokenModeProperty().isEqualTo(AppSettings.TOKEN_KEY_FILE);
        BooleanBinding loginMode = vm.tokenModeProperty().isEqualTo(AppSettings.TOKEN_LOGIN);
        BooleanBinding ticketMode = vm.authModeProperty().isEqualTo("ticket");
        secretLabel.textProperty().bind(Bindings.when(loginMode).then("Password").otherwise("Secret"));
        showIf(ticketLabel, ticketMode);
        showIf(tickets, ticketMode);
        showIf(algorithmLabel, loginMode.not());
        showIf(algorithm, loginMode.not());
        showIf(keyFileLabel, keyMode);
        showIf(keyFile, keyMode);
        showIf(loginLabel, loginMode);
        showIf(login, loginMode);
        showIf(secretLabel, keyMode.not());
        showIf(secret, keyMode.not());
        showIf(remember, keyMode.not());
    }

    /**
     * The field's text holds only mask characters; the typed secret is its password. So the view model
     * follows the password, and a secret set in the view model is typed into the field.
     */
    private void bindSecret() {
        secret.setText(vm.secretProperty().get());
        secret.passwordProperty().addListener((o, was, now) -> vm.secretProperty().set(now));
        vm.secretProperty().addListener((o, was, now) -> {
            String typed = now == null ? "" : now;
            if (!typed.equals(secret.getPassword())) {
                secret.setText(typed);
            }
        });
    }

    @FXML
    private void addUser() {
        vm.addUser(newUser.getText()).ifPresent(r -> newUser.clear());
    }

    @FXML
    private void openAnotherTab() {
        vm.openAnotherTab(table.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void removeSelected() {
        List.copyOf(table.getSelectionModel().getSelectedItems()).forEach(vm::removeUser);
    }

    @FXML
    private void connectAll() {
        vm.connectAll();
    }

    @FXML
    private void disconnectAll() {
        vm.disconnectAll();
    }

    /** The panel, to place in the window. */
    public Region root() {
        return root;
    }

    /** The users picked in the table (the composer's "selected users"). */
    public List<String> selectedUserIds() {
        return table.getSelectionModel().getSelectedItems().stream().map(UserRow::id).toList();
    }

    private static void choose(ChoiceBox<String> box, List<String> items, javafx.beans.property.StringProperty value) {
        box.setItems(FXCollections.observableArrayList(items));
        box.valueProperty().bindBidirectional(value);
    }
}
