package dev.aei.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** Small helpers the panels share for their forms. */
public final class Nodes {

    private Nodes() {
    }

    /** Shows (and lays out) the node only while the condition holds. */
    public static <T extends Node> T showIf(T node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
        return node;
    }
}
