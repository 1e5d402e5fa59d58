package dev.aei.ui.findings;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.protocol.IdText;
import dev.aei.ui.common.Gesture;
import dev.aei.ui.common.NameCell;
import java.util.List;
import java.util.function.LongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The findings panel: severity chips with counts, rule/lane/text filters and the live table. */
public final class FindingsView extends BorderPane {
    /** The keys and gestures of the findings table, for the help dialog. */
    public static final List<Gesture> KEYS = List.of(
            new Gesture("Shift/Ctrl+click", "Select several findings"),
            new Gesture(FindingsMenu.COPY.getDisplayText(), "Copy the selected findings, one line each"),
            new Gesture("Right click", "Copy all shown, or export every finding as JSON or JUnit XML"));

    private final FindingsViewModel vm;
    private final TableView<Finding> table = new TableView<>();
    private final CustomTextField search = new CustomTextField();
    private Runnable onExport = () -> { };

    /** {@code timeOf} formats a session-clock instant for the time column. */
    public FindingsView(FindingsViewModel vm, LongFunction<String> timeOf) {
        this.vm = vm;
        getStyleClass().add("findings-panel");
        setTop(filterBar());
        setCenter(table(timeOf));
    }

    private HBox filterBar() {
        Label title = new Label("Findings");
        title.getStyleClass().addAll(Styles.TITLE_4, "panel-title");
        title.setMinWidth(Region.USE_PREF_SIZE); // never "Fin…": the filters give way first
        HBox chips = new HBox(4);
        chips.setMinWidth(Region.USE_PREF_SIZE);
        for (Severity s : Severity.values()) {
            chips.getChildren().add(chip(s));
        }
        CheckComboBox<String> rules = checkCombo("Rules", vm.rules(), vm.chosenRules());
        CheckComboBox<String> lanes = checkCombo("Users", vm.lanes(), vm.chosenLanes());
        search.setPromptText("Filter findings  (Ctrl+F)");
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.textProperty().bindBidirectional(vm.textProperty());
        search.setPrefWidth(240);
        search.setMinWidth(110);
        HBox bar = new HBox(10, title, chips, rules, lanes, search);
        HBox.setHgrow(search, Priority.SOMETIMES);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("panel-header");
        return bar;
    }

    private ToggleButton chip(Severity severity) {
        ToggleButton chip = new ToggleButton();
        chip.setGraphic(SeverityStyle.icon(severity));
        chip.textProperty().bind(vm.countProperty(severity).asString(SeverityStyle.title(severity) + "  %d"));
        chip.selectedProperty().bindBidirectional(vm.shownProperty(severity));
        chip.getStyleClass().addAll(Styles.SMALL, "severity-chip");
        chip.setId("chip-" + severity.label());
        chip.setFocusTraversable(false);
        chip.setMinWidth(Region.USE_PREF_SIZE); // a chip keeps its name and number whatever the width
        chip.setTooltip(new Tooltip("Show or hide " + severity.label() + " findings"));
        return chip;
    }

    private static CheckComboBox<String> checkCombo(String title, ObservableList<String> items,
                                                    ObservableList<String> chosen) {
        CheckComboBox<String> box = new CheckComboBox<>(items);
        box.setTitle("All " + title.toLowerCase(java.util.Locale.ROOT));
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            List<String> checked = List.copyOf(box.getCheckModel().getCheckedItems());
            chosen.setAll(checked);
            box.setTitle(checked.isEmpty() ? "All " + title.toLowerCase(java.util.Locale.ROOT)
                    : title + ": " + String.join(", ", checked));
        });
        box.setPrefWidth(150);
        box.setMinWidth(90);
        return box;
    }

    private TableView<Finding> table(LongFunction<String> timeOf) {
        table.setId("findings-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setItems(vm.visible());
        vm.visible().comparatorProperty().bind(table.comparatorProperty());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No findings yet: everything received so far looks right."));

        TableColumn<Finding, Severity> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().severity()));
        severity.setCellFactory(c -> new SeverityCell());
        severity.setPrefWidth(118);
        severity.setMinWidth(118); // "CRITICAL" and its icon whole, never "ERR…"
        severity.setMaxWidth(140);
        table.getColumns().add(severity);
        table.getColumns().add(textColumn("Rule", 130, 60, f -> f.rule()));
        TableColumn<Finding, String> user = textColumn("User", 80, 56, f -> f.lane());
        user.setCellFactory(c -> new NameCell<>());
        table.getColumns().add(user);
        table.getColumns().add(textColumn("Run", 200, 56, f -> f.runId() == null ? "" : f.runId()));
        table.getColumns().add(textColumn("Time", 122, 122, f -> timeOf.apply(f.nanos())));
        table.getColumns().add(textColumn("Message", 400, 120, f -> IdText.leftToRight(f.message())));

        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE); // several copied at once
        FindingsMenu.install(table, () -> onExport.run());
        boolean[] following = {false};
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!following[0]) {
                vm.open(now);
            }
        });
        vm.currentProperty().addListener((o, was, now) -> {
            if (now == table.getSelectionModel().getSelectedItem()) {
                return;
            }
            following[0] = true; // a frame chosen elsewhere: show its finding without opening it again
            try {
                table.getSelectionModel().clearSelection(); // of several selected rows, only its finding stays
                if (now != null) {
                    table.getSelectionModel().select(now);
                    table.scrollTo(now);
                }
            } finally {
                following[0] = false;
            }
        });
        return table;
    }

    /** A column of text whose cells show their whole text as a tooltip (a narrow column cuts it). */
    private static TableColumn<Finding, String> textColumn(String name, double width, double minWidth,
                                                           java.util.function.Function<Finding, String> value) {
        TableColumn<Finding, String> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> new TextCell());
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        return column;
    }

    /** What "Export all findings…" in the table's menu does. */
    public void setOnExport(Runnable action) {
        onExport = action;
    }

    /** Focuses the text filter (Ctrl+F). */
    public void focusFilter() {
        search.requestFocus();
        search.selectAll();
    }

    /** The table, for tests and keyboard focus. */
    public TableView<Finding> table() {
        return table;
    }

    /** Text with the whole of it as a tooltip. */
    private static final class TextCell extends TableCell<Finding, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean blank = empty || item == null || item.isEmpty();
            setText(blank ? null : item);
            setTooltip(blank ? null : new Tooltip(item));
            if (getTooltip() != null) {
                getTooltip().setWrapText(true);
                getTooltip().setMaxWidth(640);
            }
        }
    }

    /** Severity shown as a coloured icon and word. */
    private static final class SeverityCell extends TableCell<Finding, Severity> {
        @Override
        protected void updateItem(Severity item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(s -> s.startsWith("severity-"));
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item.label().toUpperCase(java.util.Locale.ROOT));
            setGraphic(SeverityStyle.icon(item));
            getStyleClass().addAll("severity-cell", SeverityStyle.styleClass(item));
        }
    }
}
