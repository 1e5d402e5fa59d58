package dev.aei.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small helpers the panels share for building their forms. */
public final class Nodes {

    private Nodes() {
    }

    /** A muted form label. */
    public static Label formLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    /** An empty two-column form: labels at least {@code labelWidth} wide, fields taking the rest. */
    public static GridPane formGrid(double labelWidth) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(labelWidth);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** A button with an icon, an id for tests and keyboard users, and AtlantaFX style classes. */
    public static Button button(String text, Ikon icon, String id, Runnable action, String... styles) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().addAll(styles);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Shows (and lays out) the node only while the condition holds. */
    public static <T extends Node> T showIf(T node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
        return node;
    }
}
