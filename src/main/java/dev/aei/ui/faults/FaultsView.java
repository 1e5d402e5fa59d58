package dev.aei.ui.faults;

import static dev.aei.ui.common.Nodes.showIf;

import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import dev.aei.ui.common.Fxml;
import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The fault injection panel (laid out in {@code FaultsView.fxml}): pick a user, run, event and fault;
 * arm it live on the embedded backend. This controller only binds the form to {@link FaultsViewModel}.
 */
public final class FaultsView {
    @FXML private ChoiceBox<String> user;
    @FXML private Spinner<Integer> run;
    @FXML private ChoiceBox<FaultType> fault;
    @FXML private Label explained;
    @FXML private Label eventLabel;
    @FXML private ChoiceBox<String> event;
    @FXML private Label toLabel;
    @FXML private ChoiceBox<String> to;
    @FXML private Label msLabel;
    @FXML private Spinner<Integer> ms;
    @FXML private Label message;
    @FXML private ListView<FaultRule> active;
    @FXML private ListView<FaultRule> fired;
    @FXML private javafx.scene.control.Button leakDemoButton;
    @FXML private Label leakDemoExplained;

    private Region root;
    private FaultsViewModel vm;
    private Runnable leakDemo = () -> { };

    /** Made by the FXML loader; {@link #load} binds it. */
    public FaultsView() {
    }

    /** Loads the panel and binds it; {@code leakDemo} arms bob → alice and sends a prompt so the leak shows at once. */
    public static FaultsView load(FaultsViewModel vm, Runnable leakDemo) {
        Fxml.Form<FaultsView> form = Fxml.load(FaultsView.class, "FaultsView.fxml");
        form.controller().bind(vm, leakDemo, (Region) form.root());
        return form.controller();
    }

    @FXML
    private void initialize() {
        fault.setItems(FXCollections.observableArrayList(Arrays.asList(FaultType.values())));
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
        event.setItems(FXCollections.observableArrayList(FaultsViewModel.EVENTS));
        active.setCellFactory(l -> new RuleCell());
        fired.setCellFactory(l -> new RuleCell());
        leakDemoButton.setText(FaultsViewModel.DEMO_TITLE);
        leakDemoExplained.setText(FaultsViewModel.DEMO_EXPLAINED);
    }

    private void bind(FaultsViewModel model, Runnable demo, Region panel) {
        this.vm = model;
        this.leakDemo = demo;
        this.root = panel;
        user.setItems(vm.users());
        user.valueProperty().bindBidirectional(vm.userProperty());
        to.setItems(vm.users());
        to.valueProperty().bindBidirectional(vm.toProperty());
        event.valueProperty().bindBidirectional(vm.eventProperty());
        fault.valueProperty().bindBidirectional(vm.faultProperty());
        run.getValueFactory().setValue(vm.runProperty().get());
        vm.runProperty().addListener((o, a, b) -> run.getValueFactory().setValue(b.intValue()));
        run.valueProperty().addListener((o, a, b) -> vm.runProperty().set(b));
        ms.getValueFactory().setValue((int) vm.msProperty().get());
        ms.valueProperty().addListener((o, a, b) -> vm.msProperty().set(b));
        active.setItems(vm.active());
        fired.setItems(vm.fired());
        message.textProperty().bind(vm.messageProperty());
        explained.textProperty().bind(Bindings.createStringBinding(
                () -> vm.faultProperty().get() == null ? "" : FaultsViewModel.explain(vm.faultProperty().get()),
                vm.faultProperty()));

        BooleanBinding leak = Bindings.createBooleanBinding(vm::needsVictim, vm.faultProperty());
        BooleanBinding delay = vm.faultProperty().isEqualTo(FaultType.DELAY);
        BooleanBinding perEvent = Bindings.createBooleanBinding(() -> !vm.runWide(), vm.faultProperty());
        showIf(eventLabel, perEvent);
        showIf(event, perEvent);
        showIf(toLabel, leak);
        showIf(to, leak);
        showIf(msLabel, delay);
        showIf(ms, delay);
    }

    @FXML
    private void leakDemo() {
        leakDemo.run();
    }

    @FXML
    private void arm() {
        vm.apply();
    }

    @FXML
    private void clearAll() {
        vm.clear();
    }

    /** A rule in words, with the words as a tooltip when the list is too narrow for them. */
    private static final class RuleCell extends ListCell<FaultRule> {
        RuleCell() {
            setPrefWidth(0); // as wide as the list, its text cut with an ellipsis: no sideways scroll bar
        }

        @Override
        protected void updateItem(FaultRule item, boolean empty) {
            super.updateItem(item, empty);
            String text = empty || item == null ? null : FaultsViewModel.describe(item);
            setText(text);
            setTooltip(text == null ? null : new javafx.scene.control.Tooltip(text));
        }
    }

    /** The panel, to place in the window. */
    public Region root() {
        return root;
    }
}
