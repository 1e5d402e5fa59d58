package dev.aei.ui.signin;

import dev.aei.protocol.IdText;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Edits one user's extra JWT claims, with the token's effective claims shown live beside them. */
final class ClaimsDialog {

    private ClaimsDialog() {
    }

    /** Asks for the claims of {@code row} and hands a confirmed text to the view model. */
    static void edit(SignInViewModel vm, UserRow row, Window owner) {
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
        effective.textProperty().bind(Bindings.createStringBinding(
                () -> vm.effectiveClaims(row.userId(), area.getText()), area.textProperty()));
        Label effectiveLabel = new Label("The token's claims: the event profile's defaults, then these");
        dialog.getDialogPane().setContent(new VBox(6, area, effectiveLabel, effective));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setResultConverter(b -> b.getButtonData().isCancelButton() ? null : area.getText());
        dialog.showAndWait().ifPresent(text -> vm.editClaims(row, text));
    }
}
