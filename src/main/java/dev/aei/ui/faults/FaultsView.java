package dev.aei.ui.faults;

import static dev.aei.ui.common.Nodes.button;
import static dev.aei.ui.common.Nodes.formGrid;
import static dev.aei.ui.common.Nodes.formLabel;
import static dev.aei.ui.common.Nodes.showIf;

import atlantafx.base.theme.Styles;
import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The fault injection panel: pick a user, run, event and fault; arm it live on the embedded backend. */
public final class FaultsView extends VBox {
    private final FaultsViewModel vm;

    /** {@code leakDemo} arms bob → alice and sends a prompt so the leak shows at once. */
    public FaultsView(FaultsViewModel vm, Runnable leakDemo) {
        this.vm = vm;
        getStyleClass().add("faults-panel");
        setSpacing(10);
        setPadding(new Insets(10));
        Label title = new Label("Fault injection");
        title.getStyleClass().addAll(Styles.TITLE_4, "panel-title");
        Label hint = new Label("Break the embedded backend on purpose and watch the findings catch it.");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);

        Button demo = button("Leak bob → alice", MaterialDesignS.SHIELD_ALERT, "leak-demo", leakDemo, Styles.DANGER);
        demo.setMaxWidth(Double.MAX_VALUE);
        HBox buttons = new HBox(6, button("Arm", MaterialDesignB.BUG, "fault-apply", vm::apply, Styles.ACCENT),
                button("Clear all", MaterialDesignC.CLOSE_CIRCLE_OUTLINE, "fault-clear", vm::clear));

        Label armed = new Label("Armed faults");
        armed.getStyleClass().add(Styles.TEXT_BOLD);
        ListView<FaultRule> active = new ListView<>(vm.active());
        active.setId("faults-active");
        active.setPrefHeight(120);
        active.setPlaceholder(new Label("None: the backend behaves."));
        active.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(FaultRule item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : FaultsViewModel.describe(item));
            }
        });
        VBox.setVgrow(active, Priority.ALWAYS);
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        getChildren().addAll(title, hint, demo, form(), buttons, message, armed, active);
    }

    private GridPane form() {
        ChoiceBox<String> user = new ChoiceBox<>(vm.users());
        user.valueProperty().bindBidirectional(vm.userProperty());
        user.setId("fault-user");
        Spinner<Integer> run = new Spinner<>(1, 9999, vm.runProperty().get());
        run.setEditable(true);
        run.setId("fault-run");
        vm.runProperty().addListener((o, a, b) -> run.getValueFactory().setValue(b.intValue()));
        run.valueProperty().addListener((o, a, b) -> vm.runProperty().set(b));
        ChoiceBox<String> event = new ChoiceBox<>(FXCollections.observableArrayList(FaultsViewModel.EVENTS));
        event.valueProperty().bindBidirectional(vm.eventProperty());
        ChoiceBox<FaultType> fault = new ChoiceBox<>(FXCollections.observableArrayList(Arrays.asList(FaultType.values())));
        fault.valueProperty().bindBidirectional(vm.faultProperty());
        fault.setId("fault-type");
        fault.setConverter(new StringConverter<>() {
            @Override
            public String toString(FaultType t) {
                return t == null ? "" : t.label();
            }

            @Override
            public FaultType fromString(String s) {
                return FaultType.parse(s);
            }
        });
        ChoiceBox<String> to = new ChoiceBox<>(vm.users());
        to.valueProperty().bindBidirectional(vm.toProperty());
        Spinner<Integer> ms = new Spinner<>(0, 60_000, (int) vm.msProperty().get(), 250);
        ms.setEditable(true);
        ms.valueProperty().addListener((o, a, b) -> vm.msProperty().set(b));
        BooleanBinding leak = Bindings.createBooleanBinding(vm::needsVictim, vm.faultProperty());
        BooleanBinding delay = vm.faultProperty().isEqualTo(FaultType.DELAY);
        BooleanBinding perEvent = Bindings.createBooleanBinding(() -> !vm.runWide(), vm.faultProperty());
        Label explained = new Label();
        explained.setId("fault-explained");
        explained.setWrapText(true);
        explained.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        explained.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        explained.textProperty().bind(Bindings.createStringBinding(
                () -> vm.faultProperty().get() == null ? "" : FaultsViewModel.explain(vm.faultProperty().get()),
                vm.faultProperty()));

        GridPane grid = formGrid(60);
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {user, run, event, fault, to, ms}) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        grid.addRow(0, formLabel("User"), user);
        grid.addRow(1, formLabel("Run"), run);
        grid.addRow(2, formLabel("Fault"), fault);
        grid.add(explained, 1, 3);
        grid.addRow(4, showIf(formLabel("Event"), perEvent), showIf(event, perEvent));
        grid.addRow(5, showIf(formLabel("To"), leak), showIf(to, leak));
        grid.addRow(6, showIf(formLabel("Delay ms"), delay), showIf(ms, delay));
        return grid;
    }

}
