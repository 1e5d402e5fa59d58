package dev.aei.ui.status;

import dev.aei.analysis.Severity;
import dev.aei.ui.findings.FindingsViewModel;
import dev.aei.ui.findings.SeverityStyle;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The status bar: backend, users connected, events per second, findings by severity, journal. */
public final class StatusView extends StatusBar {

    public StatusView(StatusViewModel vm, FindingsViewModel findings) {
        getStyleClass().add("app-status");
        textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.lastSendProperty().get().isEmpty()
                ? vm.backendProperty().get() : vm.backendProperty().get() + "   ·   " + vm.lastSendProperty().get(),
                vm.backendProperty(), vm.lastSendProperty()));
        Label connected = label("status-connected", new FontIcon(MaterialDesignA.ACCOUNT_MULTIPLE));
        connected.textProperty().bind(vm.connectedText());
        Label rate = label("status-rate", new FontIcon(MaterialDesignF.FLASH));
        rate.textProperty().bind(vm.rateText());
        Label journal = label("status-journal", new FontIcon(MaterialDesignR.RECORD_CIRCLE));
        journal.textProperty().bind(vm.journalText());
        // the journal's name only (its whole path in the tooltip), never cut: "not recording" must not
        // read "… recording"; the message on the left gives way instead
        Tooltip wholePath = new Tooltip();
        wholePath.textProperty().bind(vm.journalPath());
        journal.setTooltip(wholePath);
        vm.recordingProperty().addListener((o, a, on) -> journal.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("recording"), on));
        Separator afterRate = separator();
        // a file has no live rate: its item and separator leave the bar instead of showing a bare icon
        rate.visibleProperty().bind(vm.showingFileProperty().not());
        rate.managedProperty().bind(rate.visibleProperty());
        afterRate.visibleProperty().bind(rate.visibleProperty());
        afterRate.managedProperty().bind(rate.visibleProperty());
        getRightItems().addAll(connected, separator(), rate, afterRate);
        for (Severity s : Severity.values()) {
            Label count = label("status-" + s.label(), SeverityStyle.icon(s));
            count.textProperty().bind(findings.countProperty(s).asString());
            count.getStyleClass().add(SeverityStyle.styleClass(s));
            count.setTooltip(new Tooltip(SeverityStyle.title(s) + " findings"));
            getRightItems().add(count);
        }
        getRightItems().addAll(separator(), journal);
    }

    private static Label label(String id, FontIcon icon) {
        Label label = new Label(null, icon);
        label.setId(id);
        label.getStyleClass().add("status-item");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
