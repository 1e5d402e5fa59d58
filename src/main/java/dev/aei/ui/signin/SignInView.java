package dev.aei.ui.signin;

import atlantafx.base.controls.PasswordTextField;
import static dev.aei.ui.common.Nodes.button;
import static dev.aei.ui.common.Nodes.formGrid;
import static dev.aei.ui.common.Nodes.formLabel;
import static dev.aei.ui.common.Nodes.showIf;

import atlantafx.base.theme.Styles;
import dev.aei.protocol.IdText;
import dev.aei.ui.settings.AppSettings;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The sign-in panel: connection settings, the test users and their live status, connect/disconnect. */
public final class SignInView extends VBox {
    private final SignInViewModel vm;
    private final UserTable table;

    public SignInView(SignInViewModel vm) {
        this.vm = vm;
        this.table = new UserTable(vm, this::editClaims);
        getStyleClass().add("signin-panel");
        setSpacing(10);
        setPadding(new Insets(10));
        Label users = new Label("Test users");
        users.getStyleClass().addAll(Styles.TITLE_4, "panel-title");
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setPrefHeight(160);
        table.setMinHeight(110);
        TitledPane connection = new TitledPane("Connection settings", form());
        connection.setId("connection-settings");
        connection.setExpanded(!vm.serverUrlProperty().get().isBlank());
        connection.getStyleClass().add(Styles.DENSE);
        getChildren().addAll(users, table, userButtons(), connectButtons(), message, connection);
    }

    private GridPane form() {
        TextField server = new TextField();
        server.setPromptText("embedded reference backend");
        server.textProperty().bindBidirectional(vm.serverUrlProperty());
        server.setTooltip(new Tooltip("WebSocket URL, e.g. ws://127.0.0.1:8765/ws; empty for the embedded backend"));
        ChoiceBox<String> auth = choice(SignInViewModel.AUTH_MODES, vm.authModeProperty());
        ChoiceBox<String> tokens = choice(SignInViewModel.TOKEN_MODES, vm.tokenModeProperty());
        ChoiceBox<String> algorithm = choice(SignInViewModel.ALGORITHMS, vm.algorithmProperty());
        PasswordTextField secret = new PasswordTextField();
        secret.textProperty().bindBidirectional(vm.secretProperty());
        secret.setPromptText("demo secret when embedded");
        CheckBox remember = new CheckBox("Remember secret");
        remember.selectedProperty().bindBidirectional(vm.rememberSecretProperty());
        TextField keyFile = new TextField();
        keyFile.setPromptText("PEM private key file");
        keyFile.textProperty().bindBidirectional(vm.keyFileProperty());
        TextField login = new TextField();
        login.setPromptText("https://…/login");
        login.textProperty().bindBidirectional(vm.loginUrlProperty());
        TextField tickets = new TextField();
        tickets.setPromptText("/ticket on the server's host");
        tickets.setTooltip(new Tooltip("Where a one-time ticket is fetched with the token before each connect"));
        tickets.textProperty().bindBidirectional(vm.ticketUrlProperty());
        ComboBox<String> profile = new ComboBox<>(FXCollections.observableArrayList(SignInViewModel.PROFILES));
        profile.setEditable(true);
        profile.valueProperty().bindBidirectional(vm.profileProperty());
        profile.setMaxWidth(Double.MAX_VALUE);
        profile.setTooltip(new Tooltip("netra, ag-ui or the path of a profile file"));

        BooleanBinding keyMode = vm.tokenModeProperty().isEqualTo(AppSettings.TOKEN_KEY_FILE);
        BooleanBinding loginMode = vm.tokenModeProperty().isEqualTo(AppSettings.TOKEN_LOGIN);
        BooleanBinding ticketMode = vm.authModeProperty().isEqualTo("ticket");
        Label secretLabel = formLabel("Secret");
        secretLabel.textProperty().bind(Bindings.when(loginMode).then("Password").otherwise("Secret"));

        GridPane grid = formGrid(70);
        grid.addRow(0, formLabel("Server"), server);
        grid.addRow(1, formLabel("Auth"), auth);
        grid.addRow(2, showIf(formLabel("Ticket URL"), ticketMode), showIf(tickets, ticketMode));
        grid.addRow(3, formLabel("Token"), tokens);
        grid.addRow(4, showIf(formLabel("Algorithm"), loginMode.not()), showIf(algorithm, loginMode.not()));
        grid.addRow(5, showIf(formLabel("Key file"), keyMode), showIf(keyFile, keyMode));
        grid.addRow(6, showIf(formLabel("Login URL"), loginMode), showIf(login, loginMode));
        grid.addRow(7, showIf(secretLabel, keyMode.not()), showIf(secret, keyMode.not()));
        grid.addRow(8, new Label(), showIf(remember, keyMode.not()));
        grid.addRow(9, formLabel("Profile"), profile);
        return grid;
    }

    private HBox userButtons() {
        TextField newUser = new TextField();
        newUser.setPromptText("new user id");
        newUser.setId("new-user");
        Button add = new Button(null, new FontIcon(MaterialDesignA.ACCOUNT_PLUS));
        add.setTooltip(new Tooltip("Add user"));
        add.setOnAction(e -> vm.addUser(newUser.getText()).ifPresent(r -> newUser.clear()));
        newUser.setOnAction(add.getOnAction());
        Button tab = new Button(null, new FontIcon(MaterialDesignT.TAB_PLUS));
        tab.setId("open-tab");
        tab.setTooltip(new Tooltip("Open another tab: sign the selected user in on one more connection"));
        tab.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        tab.setOnAction(e -> vm.openAnotherTab(table.getSelectionModel().getSelectedItem()));
        Button remove = new Button(null, new FontIcon(MaterialDesignA.ACCOUNT_REMOVE));
        remove.setTooltip(new Tooltip("Remove the selected users"));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> List.copyOf(table.getSelectionModel().getSelectedItems()).forEach(vm::removeUser));
        add.getStyleClass().add(Styles.BUTTON_ICON);
        tab.getStyleClass().add(Styles.BUTTON_ICON);
        remove.getStyleClass().add(Styles.BUTTON_ICON);
        HBox.setHgrow(newUser, Priority.ALWAYS);
        HBox row = new HBox(6, newUser, add, tab, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox connectButtons() {
        Button connect = button("Connect all", MaterialDesignL.LAN_CONNECT, "connect-all", vm::connectAll, Styles.ACCENT);
        Button disconnect = button("Disconnect", MaterialDesignL.LAN_DISCONNECT, "disconnect-all", vm::disconnectAll);
        connect.setMaxWidth(Double.MAX_VALUE);
        disconnect.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(connect, Priority.ALWAYS);
        HBox.setHgrow(disconnect, Priority.ALWAYS);
        return new HBox(6, connect, disconnect);
    }

    private void editClaims(UserRow row) {
        TextInputDialog dialog = new TextInputDialog(row.claimsJsonProperty().get());
        String name = IdText.forDisplay(row.id());
        dialog.setTitle("Claims of " + name);
        dialog.setHeaderText("Extra JWT claims for " + name + " as a JSON object");
        TextArea area = new TextArea(row.claimsJsonProperty().get());
        area.getStyleClass().add("raw-text");
        area.setPrefRowCount(5);
        area.setId("claims-editor");
        TextArea effective = new TextArea();
        effective.setEditable(false);
        effective.getStyleClass().add("raw-text");
        effective.setPrefRowCount(10);
        effective.setId("claims-effective");
        effective.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.effectiveClaims(row.userId(), area.getText()), area.textProperty()));
        Label effectiveLabel = new Label("The token's claims: the event profile's defaults, then these");
        dialog.getDialogPane().setContent(new javafx.scene.layout.VBox(6, area, effectiveLabel, effective));
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        dialog.setResultConverter(b -> b.getButtonData().isCancelButton() ? null : area.getText());
        dialog.showAndWait().ifPresent(text -> vm.editClaims(row, text));
    }

    /** The users picked in the table (the composer's "selected users"). */
    public List<String> selectedUserIds() {
        return table.getSelectionModel().getSelectedItems().stream().map(UserRow::id).toList();
    }

    private static ChoiceBox<String> choice(List<String> items, javafx.beans.property.StringProperty value) {
        ChoiceBox<String> box = new ChoiceBox<>(FXCollections.observableArrayList(items));
        box.valueProperty().bindBidirectional(value);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

}
