package dev.aei.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;

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

    /** Shows (and lays out) the node only while the condition holds. */
    public static <T extends Node> T showIf(T node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
        return node;
    }
}
