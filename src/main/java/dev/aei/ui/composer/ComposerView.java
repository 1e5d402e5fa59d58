package dev.aei.ui.composer;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.aei.protocol.IdText;
import dev.aei.protocol.TextCut;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The composer in the toolbar: who to send to, the prompt (up/down for history), Send, and the canaries. */
public final class ComposerView extends HBox {
    private final ComposerViewModel vm;
    private final CustomTextField prompt = new CustomTextField();

    public ComposerView(ComposerViewModel vm) {
        this.vm = vm;
        getStyleClass().add("composer");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        ComboBox<String> target = new ComboBox<>(vm.targets());
        target.valueProperty().bindBidirectional(vm.targetProperty());
        target.setId("send-target");
        target.setTooltip(new Tooltip("Who receives the prompt; all at the same instant"));
        target.setPrefWidth(140);
        target.setPromptText("choose…"); // shown when the chosen user left the list
        target.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String choice) {
                return IdText.forDisplay(choice); // a user's name as it reads; the value stays the name itself
            }

            @Override
            public String fromString(String shown) {
                return shown == null ? null : shown.replace("\u200E", "");
            }
        });

        ComboBox<String> as = new ComboBox<>(vm.sendAsChoices());
        as.valueProperty().bindBidirectional(vm.sendAsProperty());
        as.setId("send-as");
        as.setTooltip(new Tooltip("How the prompt goes out: as the event profile's client does (a thread's first "
                + "message, then follow-ups), as one of its message templates, or as a raw frame sent exactly as typed"));
        as.setPrefWidth(165);

        prompt.setId("prompt");
        prompt.textProperty().bindBidirectional(vm.promptProperty());
        prompt.setRight(historyMenu());
        prompt.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.UP) {
                vm.historyBack();
                prompt.end();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                vm.historyForward();
                prompt.end();
                e.consume();
            }
        });
        prompt.setOnAction(e -> vm.send());
        prompt.setPrefWidth(340);
        HBox.setHgrow(prompt, Priority.ALWAYS);

        Button send = new Button("Send", new FontIcon(MaterialDesignS.SEND));
        send.setId("send");
        send.getStyleClass().add(Styles.ACCENT);
        send.disableProperty().bind(vm.sendingProperty());
        send.setOnAction(e -> vm.send());
        send.setTooltip(new Tooltip("Send to the chosen users at the same instant (Ctrl+Enter)"));

        Label sendTo = new Label("Send to");
        sendTo.getStyleClass().add(Styles.TEXT_MUTED);
        Label asLabel = new Label("as");
        asLabel.getStyleClass().add(Styles.TEXT_MUTED);
        prompt.promptTextProperty().bind(javafx.beans.binding.Bindings.when(vm.sendAsProperty()
                .isEqualTo(ComposerViewModel.RAW)).then("Type the exact frame, e.g. {\"type\":\"ping\"}")
                .otherwise("Type a prompt…   ↑/↓ history"));
        getChildren().addAll(sendTo, target, asLabel, as, prompt, send);
    }

    private MenuButton historyMenu() {
        MenuButton history = new MenuButton(null, new FontIcon(MaterialDesignH.HISTORY));
        history.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON, "history-button");
        history.setTooltip(new Tooltip("Prompt history"));
        Runnable refill = () -> {
            List<String> newestFirst = new ArrayList<>(vm.historyItems());
            Collections.reverse(newestFirst);
            history.getItems().setAll(newestFirst.stream().map(text -> {
                MenuItem item = new MenuItem(TextCut.shorten(text, 80));
                item.setOnAction(e -> vm.promptProperty().set(text));
                return item;
            }).toList());
        };
        vm.historyItems().addListener((ListChangeListener<String>) c -> refill.run());
        refill.run();
        return history;
    }

    /** Puts the caret in the prompt field. */
    public void focusPrompt() {
        prompt.requestFocus();
    }
}
