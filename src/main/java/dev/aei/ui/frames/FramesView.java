package dev.aei.ui.frames;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.aei.ui.common.Gesture;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * The frames table panel: search (text or regular expression, Enter / Shift+Enter for the next and
 * previous match), filters by lane, direction, type and role, the table, and what the last copy or
 * send did. Its context menu copies and resends frames.
 */
public final class FramesView extends BorderPane {
    /** The table's keys for the help dialog: the search field's and those of a focused table. */
    public static final List<Gesture> KEYS = List.of(
            new Gesture("Enter / F3", "Next match (in the search field, or anywhere with F3)"),
            new Gesture("Shift+Enter / Shift+F3", "Previous match"),
            new Gesture("Esc", "Stop the search that is running"),
            new Gesture(FrameMenu.COPY_RAW.getDisplayText(), "Copy the frame as received (secrets hidden)"),
            new Gesture(FrameMenu.COPY_PRETTY.getDisplayText(), "Copy the frame as pretty JSON"),
            new Gesture(FrameMenu.COPY_RUN.getDisplayText(), "Copy the frame's run as a fixture snippet"),
            new Gesture(FrameMenu.RESEND.getDisplayText(), "Send a sent frame again (live only)"),
            new Gesture(FrameMenu.EDIT.getDisplayText(), "Edit a sent frame in the composer, then send"));

    private final FramesViewModel vm;
    private final TableView<Integer> table;
    private final CustomTextField search = new CustomTextField();
    private boolean syncing;

    public FramesView(FramesViewModel vm, FrameActions actions) {
        this.vm = vm;
        getStyleClass().add("frames-panel");
        setId("frames-panel");
        getStylesheets().add(FramesView.class.getResource("frames.css").toExternalForm());
        table = FramesTable.build(vm);
        setTop(new javafx.scene.layout.VBox(searchBar(), filterBar()));
        setCenter(table);
        Label outcome = new Label();
        outcome.setId("frames-outcome");
        outcome.getStyleClass().addAll(Styles.TEXT_MUTED, "frames-outcome");
        outcome.textProperty().bind(actions.outcomeProperty());
        outcome.setPadding(new Insets(2, 10, 2, 10));
        setBottom(outcome);
        FrameMenu.install(table, actions);
        syncSelection();
    }

    private HBox searchBar() {
        search.setId("frames-search");
        search.setPromptText("Search payloads  (Ctrl+F, Enter next, Shift+Enter previous)");
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.textProperty().bindBidirectional(vm.search().queryProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    vm.search().previous();
                } else {
                    vm.search().next();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.search().cancel();
                e.consume();
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        ToggleButton regex = new ToggleButton(".*");
        regex.setId("frames-regex");
        regex.selectedProperty().bindBidirectional(vm.search().regexProperty());
        regex.setTooltip(new Tooltip("Search with a regular expression (Java syntax); off: plain text in any case"));
        regex.setFocusTraversable(false);
        Button previous = iconButton(MaterialDesignC.CHEVRON_UP, "Previous match (Shift+Enter, Shift+F3)",
                vm.search()::previous);
        previous.setId("frames-previous");
        Button next = iconButton(MaterialDesignC.CHEVRON_DOWN, "Next match (Enter, F3)", vm.search()::next);
        next.setId("frames-next");
        Label matches = new Label();
        matches.setId("frames-matches");
        matches.textProperty().bind(vm.search().matchTextProperty());
        matches.setMinWidth(90);
        // a regex's error can be long: it is cut here (whole in the tooltip) instead of squeezing the field
        matches.setMaxWidth(280);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(matches.textProperty());
        matches.setTooltip(whole);
        search.setMinWidth(160);
        ProgressBar progress = new ProgressBar();
        progress.setId("frames-search-progress");
        progress.progressProperty().bind(vm.search().progressProperty());
        progress.setPrefWidth(80);
        Button cancel = iconButton(MaterialDesignC.CLOSE, "Stop searching (Esc)", vm.search()::cancel);
        cancel.setId("frames-search-cancel");
        for (javafx.scene.Node busy : List.of(progress, cancel)) {
            busy.visibleProperty().bind(vm.search().searchingProperty());
            busy.managedProperty().bind(busy.visibleProperty());
        }
        Label title = new Label("Frames");
        title.getStyleClass().addAll(Styles.TITLE_4, "panel-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(6, title, search, regex, previous, next, matches, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 2, 10));
        return bar;
    }

    private HBox filterBar() {
        ComboBox<String> lane = new ComboBox<>(vm.laneChoices());
        lane.setId("frames-lane");
        lane.valueProperty().bindBidirectional(vm.laneProperty());
        lane.setTooltip(new Tooltip("All lanes or one"));
        lane.setPrefWidth(112);
        ComboBox<DirectionChoice> direction = new ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(DirectionChoice.values()));
        direction.setId("frames-direction");
        direction.valueProperty().bindBidirectional(vm.directionProperty());
        direction.setPrefWidth(116);
        CheckComboBox<String> types = checkCombo("Types", vm.types(), vm.chosenTypes());
        types.setId("frames-types");
        CheckComboBox<String> roles = checkCombo("Roles", vm.roles(), vm.chosenRoles());
        roles.setId("frames-roles");
        Label count = new Label();
        count.setId("frames-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.setMinWidth(Region.USE_PREF_SIZE);
        vm.items().addListener((ListChangeListener<Integer>) c -> count.setText(rowsText()));
        count.setText(rowsText());
        HBox bar = new HBox(6, new FontIcon(MaterialDesignF.FILTER_OUTLINE), lane, direction, types, roles, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 10, 6, 10));
        bar.getStyleClass().add("panel-header");
        return bar;
    }

    private String rowsText() {
        int shown = vm.items().size();
        int all = vm.rows().size();
        return shown == all ? String.format("%,d frames", all) : String.format("%,d of %,d frames", shown, all);
    }

    private static CheckComboBox<String> checkCombo(String title, ObservableList<String> items,
                                                    ObservableList<String> chosen) {
        CheckComboBox<String> box = new CheckComboBox<>(items);
        String all = "All " + title.toLowerCase(Locale.ROOT);
        box.setTitle(all);
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            List<String> checked = List.copyOf(box.getCheckModel().getCheckedItems());
            chosen.setAll(checked);
            box.setTitle(checked.isEmpty() ? all : title + ": " + String.join(", ", checked));
        });
        box.setPrefWidth(120);
        return box;
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        return button;
    }

    /** The table's selection follows the view model's and the other way round, without echoes. */
    private void syncSelection() {
        table.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (!syncing && !vm.changingItems()) {
                vm.selectIndex(now.intValue());
            }
        });
        vm.selectedIndexProperty().addListener((o, was, now) -> showSelection(now.intValue()));
        // after the table's own reaction to new items, put the model's selection back
        vm.items().addListener((ListChangeListener<Integer>) c -> showSelection(vm.selectedIndexProperty().get()));
    }

    private void showSelection(int index) {
        syncing = true;
        try {
            if (index < 0) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedIndex() != index) {
                table.getSelectionModel().clearAndSelect(index);
                FramesTable.reveal(table, index);
            }
        } finally {
            syncing = false;
        }
    }

    /** Puts the caret in the search field (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Scrolls the table so the row at {@code index} is on screen, whole. */
    public void reveal(int index) {
        FramesTable.reveal(table, index);
    }

    /** The table, for tests and keyboard focus. */
    public TableView<Integer> table() {
        return table;
    }

    /** The view model. */
    public FramesViewModel model() {
        return vm;
    }
}
