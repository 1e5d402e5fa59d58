package dev.aei.ui.detail;

import atlantafx.base.theme.Styles;
import dev.aei.analysis.Severity;
import dev.aei.ui.findings.SeverityStyle;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The column beside the JSON: each field the client reads, what it displays, and the missing ones marked. */
final class ClientViewPane extends VBox {
    private final Label title = new Label();
    private final VBox lines = new VBox(6);

    ClientViewPane() {
        super(8);
        setId("detail-client");
        getStyleClass().add("detail-client");
        setPadding(new Insets(6, 8, 6, 8));
        setMinWidth(140);
        title.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        title.setWrapText(true);
        getChildren().addAll(title, lines);
    }

    void show(FrameDetail.ClientView view) {
        title.setText("As " + view.client() + " sees it");
        lines.getChildren().clear();
        for (FrameDetail.ClientLine line : view.lines()) {
            Label label = new Label(line.label());
            label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            Label shown = wrapping(new Label(line.shown()));
            shown.getStyleClass().add("client-shown");
            if (line.missing()) {
                shown.getStyleClass().add("client-missing");
                if (line.needed()) {
                    shown.setGraphic(SeverityStyle.icon(Severity.WARNING));
                    shown.getStyleClass().add(SeverityStyle.styleClass(Severity.WARNING));
                }
            }
            Label source = wrapping(new Label(line.source()));
            source.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "client-source");
            lines.getChildren().add(new VBox(1, label, shown, source));
        }
    }

    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
