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
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** One large card: the user, a phase icon, the headline in big type and a line of detail. */
final class UserCardView extends VBox {
    private final FontIcon icon = new FontIcon();
    private final UserCard card;
    private final ChangeListener<AgentPhase> phaseChanged = (o, was, now) -> phase(now);

    UserCardView(UserCard card) {
        this.card = card;
        getStyleClass().add("presenter-card");
        setId("card-" + card.user());
        Label user = new Label(IdText.forDisplay(card.user()));
        user.getStyleClass().add("card-user");
        user.setTooltip(new Tooltip(IdText.forDisplay(card.user())));
        user.setMinWidth(0); // a name wider than the card is shortened with an ellipsis (the tooltip has it whole)
        Label leaks = new Label();
        leaks.getStyleClass().add("card-leaks");
        leaks.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> card.leaksProperty().get() == 1
                ? "1 leak caught" : card.leaksProperty().get() + " leaks caught", card.leaksProperty()));
        leaks.visibleProperty().bind(card.leaksProperty().greaterThan(0));
        leaks.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(12, icon, user);
        top.setAlignment(Pos.CENTER_LEFT);
        Label headline = new Label();
        headline.getStyleClass().add("card-headline");
        headline.textProperty().bind(leftToRight(card.headlineProperty()));
        headline.setWrapText(true);
        Label detail = new Label();
        detail.getStyleClass().addAll("card-detail", Styles.TEXT_MUTED);
        detail.textProperty().bind(leftToRight(card.detailProperty()));
        detail.setWrapText(true);
        Label steps = new Label();
        steps.getStyleClass().addAll("card-steps", Styles.TEXT_MUTED);
        steps.textProperty().bind(javafx.beans.binding.Bindings.format("Run %d · %d events so far",
                card.runsProperty(), card.stepsProperty()));
        // the leak count sits with the run figures, so the name keeps the whole top line
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        leaks.managedProperty().bind(leaks.visibleProperty());
        steps.setMinWidth(0);
        HBox bottom = new HBox(12, steps, gap, leaks);
        bottom.setAlignment(Pos.BASELINE_LEFT);
        getChildren().addAll(top, headline, detail, bottom);
        card.phaseProperty().addListener(phaseChanged);
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
    }

    private void phase(AgentPhase phase) {
        getStyleClass().removeIf(s -> s.startsWith("phase-"));
        getStyleClass().add("phase-" + phase.name().toLowerCase(java.util.Locale.ROOT));
        icon.setIconCode(ikon(phase));
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
