package dev.aei.ui.frames;

import dev.aei.protocol.IdText;
import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The frames table's context menu and its keys (active while the table has the focus): copy raw,
 * copy as pretty JSON, copy the run as a fixture snippet, send again or edit first, as the same
 * user, another user or everyone. A send that cannot happen says why in the menu.
 */
final class FrameMenu {
    static final KeyCombination COPY_RAW = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination COPY_PRETTY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.ALT_DOWN);
    static final KeyCombination COPY_RUN = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.ALT_DOWN);
    static final KeyCombination RESEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination EDIT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private FrameMenu() {
    }

    /**
     * Shows the menu on a right click or the menu key. It is not the table's context menu property:
     * that would make its keys window-wide, and Ctrl+C must stay a text field's copy elsewhere.
     */
    static void install(TableView<Integer> table, FrameActions actions) {
        ContextMenu menu = new ContextMenu();
        menu.setId("frames-menu");
        menu.setOnShowing(e -> menu.getItems().setAll(items(actions)));
        table.setOnContextMenuRequested(e -> {
            menu.getItems().setAll(items(actions));
            menu.show(table, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            Runnable action = keyAction(e, actions);
            if (action != null) {
                action.run();
                e.consume();
            }
        });
    }

    private static Runnable keyAction(javafx.scene.input.KeyEvent e, FrameActions actions) {
        if (COPY_PRETTY.match(e)) {
            return () -> copy(actions, actions.copyPretty(), "Copied the frame as pretty JSON");
        }
        if (COPY_RAW.match(e)) {
            return () -> copy(actions, actions.copyRaw(), "Copied the frame as received");
        }
        if (COPY_RUN.match(e)) {
            return () -> copyRun(actions);
        }
        if (RESEND.match(e)) {
            return () -> actions.resend(actions.sameUser());
        }
        if (EDIT.match(e)) {
            return () -> actions.editFirst(actions.sameUser());
        }
        return null;
    }

    static List<MenuItem> items(FrameActions actions) {
        MenuItem raw = item("Copy raw", COPY_RAW, () -> copy(actions, actions.copyRaw(), "Copied the frame as received"));
        raw.setId("frames-copy-raw");
        MenuItem pretty = item("Copy as pretty JSON", COPY_PRETTY,
                () -> copy(actions, actions.copyPretty(), "Copied the frame as pretty JSON"));
        pretty.setId("frames-copy-pretty");
        MenuItem run = item("Copy run as fixture snippet", COPY_RUN, () -> copyRun(actions));
        run.setId("frames-copy-run");
        run.setDisable(actions.runBlocker() != null);
        List<String> same = actions.sameUser();
        String sameName = same.isEmpty() ? "the same user" : IdText.forDisplay(same.get(0));
        MenuItem resend = item("Send again as " + sameName, RESEND, () -> actions.resend(same));
        resend.setId("frames-resend");
        Menu resendAs = lanes("Send again as…", actions, lanes -> actions.resend(lanes));
        MenuItem resendAll = item("Send again to everyone", null, () -> actions.resend(List.of()));
        resendAll.setId("frames-resend-all");
        MenuItem edit = item("Edit, then send as " + sameName, EDIT, () -> actions.editFirst(same));
        edit.setId("frames-edit");
        Menu editAs = lanes("Edit, then send as…", actions, lanes -> actions.editFirst(lanes));
        MenuItem editAll = item("Edit, then send to everyone", null, () -> actions.editFirst(List.of()));
        String blocker = actions.resendBlocker(List.of());
        List.of(resend, resendAs, resendAll, edit, editAs, editAll).forEach(i -> i.setDisable(blocker != null));
        List<MenuItem> all = new java.util.ArrayList<>(List.of(raw, pretty, run, new SeparatorMenuItem(),
                resend, resendAs, resendAll, edit, editAs, editAll));
        if (blocker != null) {
            MenuItem why = new MenuItem(blocker);
            why.setId("frames-resend-blocked");
            why.setDisable(true);
            all.add(why);
        }
        return all;
    }

    private static Menu lanes(String title, FrameActions actions, java.util.function.Consumer<List<String>> send) {
        Menu menu = new Menu(title);
        for (String lane : actions.connectedLanes()) {
            MenuItem item = new MenuItem(IdText.forDisplay(lane));
            item.setOnAction(e -> send.accept(List.of(lane)));
            menu.getItems().add(item);
        }
        return menu;
    }

    private static MenuItem item(String text, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(keys); // shown in the menu; the table's key handler acts on it
        item.setOnAction(e -> action.run());
        return item;
    }

    private static void copyRun(FrameActions actions) {
        String blocker = actions.runBlocker();
        if (blocker != null) {
            actions.copied(blocker);
            return;
        }
        copy(actions, actions.copyRun(), "Copied the run as a fixture snippet");
    }

    private static void copy(FrameActions actions, String text, String what) {
        if (text == null) {
            actions.copied("Select a frame first.");
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        actions.copied(what);
    }
}
