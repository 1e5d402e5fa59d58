package dev.aei.ui.findings;

import dev.aei.analysis.Finding;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The findings table's context menu and Ctrl+C (while the table has the focus): copy the selected
 * findings or all those shown as text lines for a bug report, or export every finding to a file.
 */
final class FindingsMenu {
    static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private FindingsMenu() {
    }

    /** Installs the menu and the key; {@code exportAll} asks where and writes every finding. */
    static void install(TableView<Finding> table, Runnable exportAll) {
        MenuItem copy = new MenuItem("Copy");
        copy.setId("findings-copy");
        copy.setAccelerator(COPY); // shown in the menu; the key itself is handled below, only in the table
        copy.setOnAction(e -> copy(table.getSelectionModel().getSelectedItems()));
        MenuItem copyShown = new MenuItem("Copy all shown");
        copyShown.setId("findings-copy-shown");
        copyShown.setOnAction(e -> copy(table.getItems()));
        MenuItem export = new MenuItem("Export all findings…");
        export.setId("findings-export");
        export.setOnAction(e -> exportAll.run());
        ContextMenu menu = new ContextMenu(copy, copyShown, new SeparatorMenuItem(), export);
        menu.setId("findings-menu");
        table.setOnContextMenuRequested(e -> {
            copy.setDisable(table.getSelectionModel().isEmpty());
            copyShown.setDisable(table.getItems().isEmpty());
            menu.show(table, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e) && !table.getSelectionModel().isEmpty()) {
                copy(table.getSelectionModel().getSelectedItems());
                e.consume();
            }
        });
    }

    private static void copy(List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(FindingsViewModel.asText(findings));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
