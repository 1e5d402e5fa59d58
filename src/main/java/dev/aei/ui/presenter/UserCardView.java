package dev.aei.ui.presenter;

import atlantafx.base.theme.Styles;
import dev.aei.protocol.IdText;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** One large card: the user, a phase icon, the headline in big type and a line of detail. */
final class UserCardView extends VBox {
    private final FontIcon icon = new FontIcon();
    private final UserCard card;
    private final ChangeListener<AgentPhase> phaseChanged = (o, was, now) -> phase(now);
    private final ChangeListener<Boolean> alarmChanged = (o, was, now) -> recolour();

    UserCardView(UserCard card) {
        this.card = card;
        getStyleClass().add("presenter-card");
        setId("card-" + card.user());
        Label user = new Label(IdText.forDisplay(card.user()));
        user.getStyleClass().add("card-user");
        user.setTooltip(new Tooltip(IdText.forDisplay(card.user())));
        // a long name wraps onto more lines instead of being cut to "al…"
        user.setWrapText(true);
        user.setMinWidth(0);
        user.setMinHeight(Region.USE_PREF_SIZE);
        user.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(user, Priority.ALWAYS);
        Label findings = new Label();
        findings.setId("card-findings-" + card.user());
        findings.getStyleClass().add("card-findings");
        findings.textProperty().bind(card.findingsProperty());
        findings.visibleProperty().bind(card.findingsProperty().isNotEmpty());
        findings.managedProperty().bind(findings.visibleProperty());
        findings.setWrapText(true);
        findings.setMinHeight(Region.USE_PREF_SIZE);
        HBox top = new HBox(12, icon, user);
        top.setAlignment(Pos.CENTER_LEFT);
        Label headline = new Label();
        headline.getStyleClass().add("card-headline");
        headline.textProperty().bind(leftToRight(card.headlineProperty()));
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        Label detail = new Label();
        detail.getStyleClass().addAll("card-detail", Styles.TEXT_MUTED);
        detail.textProperty().bind(leftToRight(card.detailProperty()));
        detail.setWrapText(true);
        Label steps = new Label();
        steps.setId("card-steps-" + card.user());
        steps.getStyleClass().addAll("card-steps", Styles.TEXT_MUTED);
        steps.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> String.format(
                "Run %d · %d %s%s", card.runsProperty().get(), card.stepsProperty().get(),
                card.stepsProperty().get() == 1 ? "event" : "events", card.runOverProperty().get() ? "" : " so far"),
                card.runsProperty(), card.stepsProperty(), card.runOverProperty()));
        steps.setMinWidth(0);
        getChildren().addAll(top, headline, detail, steps, findings);
        card.phaseProperty().addListener(phaseChanged);
        card.alarmProperty().addListener(alarmChanged);
        phase(card.phase());
    }

    UserCard card() {
        return card;
    }

    /** The text so that a line starting in a right-to-left script still reads from the left. */
    private static javafx.beans.binding.StringBinding leftToRight(javafx.beans.value.ObservableStringValue text) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> IdText.leftToRight(text.get()), text);
    }

    /** Stops following the card (its view was removed); the bindings of the labels are weak already. */
    void dispose() {
        card.phaseProperty().removeListener(phaseChanged);
        card.alarmProperty().removeListener(alarmChanged);
    }

    private void recolour() {
        phase(card.phase());
    }

    /** Colours the card by its phase, or red with an alarm sign once a leak or an error was found on it. */
    private void phase(AgentPhase phase) {
        boolean alarm = card.alarmProperty().get();
        getStyleClass().removeIf(s -> s.startsWith("phase-") || s.equals("card-alarm"));
        getStyleClass().add(alarm ? "card-alarm" : "phase-" + phase.name().toLowerCase(java.util.Locale.ROOT));
        icon.setIconCode(alarm ? MaterialDesignS.SHIELD_ALERT : ikon(phase));
    }

    private static Ikon ikon(AgentPhase phase) {
        return switch (phase) {
            case WAITING -> MaterialDesignC.CHAT_OUTLINE;
            case WORKING -> MaterialDesignL.LIGHTBULB_ON_OUTLINE;
            case TOOL -> MaterialDesignT.TOOLS;
            case DONE -> MaterialDesignC.CHECK_DECAGRAM;
            case ERROR -> MaterialDesignA.ALERT_OCTAGON;
            case OFFLINE -> MaterialDesignP.POWER_PLUG_OFF_OUTLINE;
        };
    }

}
