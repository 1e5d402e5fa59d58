package dev.aei.ui.signin;

import dev.aei.net.LaneState;
import dev.aei.protocol.IdText;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** Fills the users table laid out in the sign-in form: enabled tick, id, live connection status; a context menu per row. */
final class UserTable {

    private UserTable() {
    }

    /** Binds the table and its three columns (enabled, id, status) to the rows the view model lists. */
    static void bind(TableView<UserRow> table, TableColumn<UserRow, Boolean> enabled, TableColumn<UserRow, String> id,
                     TableColumn<UserRow, LaneState> status, SignInViewModel vm,
                     java.util.function.Consumer<UserRow> editClaims) {
        table.itemsProperty().bind(vm.shownUsersProperty()); // the test users, or an opened file's lanes
        // an opened file's lanes are listed as recorded: nothing to tick or edit
        table.editableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !vm.showsFile(),
                vm.shownUsersProperty()));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        enabled.setCellValueFactory(c -> c.getValue().enabledProperty());
        enabled.setCellFactory(CheckBoxTableCell.forTableColumn(enabled));
        id.setCellValueFactory(c -> c.getValue().idProperty());
        id.setCellFactory(c -> new NameCell());
        status.setCellValueFactory(c -> c.getValue().stateProperty());
        status.setCellFactory(c -> new StatusCell());
        table.setRowFactory(t -> row(vm, editClaims));
    }

    private static TableRow<UserRow> row(SignInViewModel vm, java.util.function.Consumer<UserRow> editClaims) {
        TableRow<UserRow> row = new TableRow<>();
        MenuItem connect = new MenuItem("Connect", new FontIcon(MaterialDesignL.LAN_CONNECT));
        connect.setOnAction(e -> vm.connectOne(row.getItem()));
        MenuItem disconnect = new MenuItem("Disconnect", new FontIcon(MaterialDesignL.LAN_DISCONNECT));
        disconnect.setOnAction(e -> vm.disconnectOne(row.getItem()));
        MenuItem tab = new MenuItem("Open another tab", new FontIcon(MaterialDesignT.TAB_PLUS));
        tab.setOnAction(e -> vm.openAnotherTab(row.getItem()));
        MenuItem claims = new MenuItem("Edit claims…", new FontIcon(MaterialDesignC.CODE_JSON));
        claims.setOnAction(e -> editClaims.accept(row.getItem()));
        MenuItem remove = new MenuItem("Remove", new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignA.ACCOUNT_REMOVE));
        remove.setOnAction(e -> vm.removeUser(row.getItem()));
        ContextMenu menu = new ContextMenu(connect, disconnect, tab, claims, remove);
        // a lane of an opened file is a record, not a user to connect or edit
        var fileShown = javafx.beans.binding.Bindings.createBooleanBinding(vm::showsFile, vm.shownUsersProperty());
        row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty().or(fileShown))
                .then((ContextMenu) null).otherwise(menu));
        row.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !row.isEmpty() && !vm.showsFile()) {
                editClaims.accept(row.getItem());
            }
        });
        return row;
    }

    /**
     * A user's name as it reads: right-to-left names keep their tab number on the right; the tooltip
     * has the whole name (and whose tab it is), since a narrow column shortens it.
     */
    private static final class NameCell extends TableCell<UserRow, String> {
        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            UserRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || id == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(IdText.forDisplay(id));
            String whose = row != null && row.isExtraTab()
                    ? "\nanother connection (tab) of " + IdText.forDisplay(row.userId()) : "";
            setTooltip(new javafx.scene.control.Tooltip(IdText.forDisplay(id) + whose));
        }
    }

    /** A state as an icon coloured by how it is going plus a few words. */
    private static final class StatusCell extends TableCell<UserRow, LaneState> {
        @Override
        protected void updateItem(LaneState state, boolean empty) {
            super.updateItem(state, empty);
            getStyleClass().removeAll("status-ok", "status-bad", "status-busy");
            if (empty || state == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(LaneStates.describe(state));
            FontIcon icon = switch (state.status()) {
                case CONNECTED -> new FontIcon(MaterialDesignC.CHECK_CIRCLE);
                case FAILED -> new FontIcon(MaterialDesignC.CLOSE_CIRCLE);
                case CONNECTING, RECONNECTING -> new FontIcon(MaterialDesignS.SYNC);
                case IDLE, CLOSED -> new FontIcon(MaterialDesignC.CIRCLE_OUTLINE);
            };
            setGraphic(icon);
            getStyleClass().add(LaneStates.isConnected(state) ? "status-ok"
                    : state.status() == LaneState.Status.FAILED ? "status-bad" : "status-busy");
            setTooltip(new javafx.scene.control.Tooltip(LaneStates.describe(state)));
        }
    }
}
