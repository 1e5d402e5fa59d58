package dev.aei.ui.frames;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.aei.protocol.IdText;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The frames table control: its items are row indexes, and each cell asks the view model for the
 * row it shows, so only the rows on screen are ever made. Matching rows and spans are marked.
 */
final class FramesTable {
    static final double ROW_HEIGHT = 24;
    private static final PseudoClass HIT = PseudoClass.getPseudoClass("hit");
    private static final PseudoClass SENT = PseudoClass.getPseudoClass("sent");

    private FramesTable() {
    }

    static TableView<Integer> build(FramesViewModel vm) {
        TableView<Integer> table = new TableView<>(vm.items());
        table.setId("frames-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "frames-table");
        table.setFixedCellSize(ROW_HEIGHT); // a fixed height lets a million rows scroll without measuring them
        table.setPlaceholder(new Label("No frames yet: connect users and send a prompt, or open a file."));
        // fixed widths and a horizontal scroll bar: a squeezed column would cut every time and type short
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column(vm, "Lane", 72, r -> IdText.forDisplay(r.lane())));
        TableColumn<Integer, Integer> direction = column(vm, "↕", 40, r -> r.sent() ? "↑" : "↓");
        direction.setGraphic(hint("↕", "↑ sent by this tool, ↓ received from the server"));
        direction.setText(null);
        table.getColumns().add(direction);
        table.getColumns().add(column(vm, "Time", 122, FrameRow::time));
        table.getColumns().add(column(vm, "Type", 124, FrameRow::type));
        // the payload before the narrower facts, so a search match shows even in a narrow window
        TableColumn<Integer, Integer> payload = new TableColumn<>("Payload");
        payload.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        payload.setCellFactory(c -> new PayloadCell(vm));
        payload.setSortable(false);
        payload.setPrefWidth(460);
        table.getColumns().add(payload);
        TableColumn<Integer, Integer> since = column(vm, "In run", 80, FrameRow::sinceRun);
        since.setGraphic(hint("In run", "Time since the run's first frame"));
        since.setText(null);
        table.getColumns().add(since);
        table.getColumns().add(column(vm, "Run", 150, FrameRow::run));
        table.getColumns().add(column(vm, "Seq", 52, FrameRow::seq));
        table.getColumns().add(column(vm, "Size", 70, FrameRow::size));
        table.setRowFactory(t -> new FrameTableRow(vm));
        vm.search().hitsVersionProperty().addListener((o, a, b) -> table.refresh());
        return table;
    }

    private static Label hint(String text, String tip) {
        Label label = new Label(text);
        label.setTooltip(new Tooltip(tip));
        return label;
    }

    private static TableColumn<Integer, Integer> column(FramesViewModel vm, String name, double width,
                                                        Function<FrameRow, String> text) {
        TableColumn<Integer, Integer> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TextCell(vm, text));
        column.setSortable(false); // rows stay in arrival order: the table is a log
        column.setPrefWidth(width);
        return column;
    }

    /**
     * Scrolls so the row at {@code index} is on screen, leaving the view alone when it already is.
     */
    static void reveal(TableView<Integer> table, int index) {
        if (index < 0) {
            return;
        }
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow == null) {
            table.scrollTo(index);
            return;
        }
        if (index >= flow.getCellCount()) {
            table.layout(); // rows appended since the last pulse: the flow learns their count when laid out
        }
        if (flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null) {
            int first = flow.getFirstVisibleCell().getIndex();
            int last = flow.getLastVisibleCell().getIndex();
            if (index > first && index < last) {
                return;
            }
            flow.scrollToTop(Math.max(0, index - Math.max(0, (last - first) / 2)));
        }
        // the flow's own scrollTo shows the row whole, also the last one above the horizontal scroll bar
        flow.scrollTo(index);
    }

    /** A cell showing one text of its row. */
    private static final class TextCell extends TableCell<Integer, Integer> {
        private final FramesViewModel vm;
        private final Function<FrameRow, String> text;

        TextCell(FramesViewModel vm, Function<FrameRow, String> text) {
            this.vm = vm;
            this.text = text;
        }

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            setText(empty || row == null ? null : text.apply(vm.rowAt(row)));
        }
    }

    /** The payload's preview line with the search matches marked. */
    private static final class PayloadCell extends TableCell<Integer, Integer> {
        private final FramesViewModel vm;
        private final HBox line = new HBox();

        PayloadCell(FramesViewModel vm) {
            this.vm = vm;
            line.getStyleClass().add("payload-line");
            line.setMinWidth(0);
        }

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            FrameRow r = vm.rowAt(row);
            line.getChildren().clear();
            int at = 0;
            for (Match m : r.highlights()) {
                if (m.start() > at) {
                    line.getChildren().add(piece(r.preview().substring(at, m.start()), false));
                }
                line.getChildren().add(piece(r.preview().substring(m.start(), m.end()), true));
                at = m.end();
            }
            if (at < r.preview().length()) {
                line.getChildren().add(piece(r.preview().substring(at), false));
            }
            setGraphic(line);
        }

        private static Label piece(String text, boolean hit) {
            Label label = new Label(text);
            label.getStyleClass().add(hit ? "search-hit" : "payload-text");
            if (hit) {
                label.setMinWidth(Region.USE_PREF_SIZE);
            }
            return label;
        }
    }

    /** A row marked when it was sent and when its payload matches the search. */
    private static final class FrameTableRow extends TableRow<Integer> {
        private final FramesViewModel vm;

        FrameTableRow(FramesViewModel vm) {
            this.vm = vm;
        }

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            boolean real = !empty && row != null;
            pseudoClassStateChanged(HIT, real && vm.search().isHit(row));
            pseudoClassStateChanged(SENT, real && vm.rows().sent(row));
        }
    }
}
