package dev.aei.ui.app;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A side panel of the main window that folds to a narrow rail of icon buttons (each with a tooltip
 * naming what it opens), so a small window or a projector leaves the width to the timeline. A button
 * in the panel's top corner folds it; a rail button unfolds it at what it names.
 */
final class FoldingSide extends StackPane {
    /** Width of the folded rail. */
    static final double RAIL_WIDTH = 40;

    /** One rail button: its icon, its tooltip and what it shows once unfolded. */
    record Item(Ikon icon, String tooltip, Runnable show) {
    }

    private final BooleanProperty folded = new SimpleBooleanProperty(this, "folded");
    private final StackPane open = new StackPane();
    private final VBox rail = new VBox(6);
    private final double minOpenWidth;

    /**
     * @param panel        the panel when open
     * @param minOpenWidth the panel's narrowest open width
     * @param foldLeft     true for a panel on the left (its fold button points left)
     * @param items        the rail's buttons, top to bottom
     */
    FoldingSide(String id, Region panel, double minOpenWidth, boolean foldLeft, List<Item> items) {
        this.minOpenWidth = minOpenWidth;
        setId(id);
        getStyleClass().add("folding-side");
        Button fold = button(foldLeft ? "mdi2c-chevron-double-left" : "mdi2c-chevron-double-right",
                "Fold this panel to icons", () -> folded.set(true));
        fold.setId(id + "-fold");
        StackPane.setAlignment(fold, Pos.TOP_RIGHT);
        StackPane.setMargin(fold, new Insets(4, 4, 0, 0));
        open.getChildren().addAll(panel, fold);
        open.setMinWidth(0);
        List<Node> buttons = new ArrayList<>();
        Button unfold = button(foldLeft ? "mdi2c-chevron-double-right" : "mdi2c-chevron-double-left",
                "Unfold this panel", () -> folded.set(false));
        unfold.setId(id + "-unfold");
        buttons.add(unfold);
        for (Item item : items) {
            Button b = new Button(null, new FontIcon(item.icon()));
            b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            b.setTooltip(new Tooltip(item.tooltip()));
            b.setOnAction(e -> {
                folded.set(false);
                item.show().run();
            });
            buttons.add(b);
        }
        rail.getChildren().setAll(buttons);
        rail.setAlignment(Pos.TOP_CENTER);
        rail.setPadding(new Insets(6, 0, 6, 0));
        rail.getStyleClass().add("side-rail");
        folded.addListener((o, was, now) -> show(now));
        show(false);
    }

    private static Button button(String iconLiteral, String tooltip, Runnable action) {
        Button b = new Button(null, new FontIcon(iconLiteral));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void show(boolean fold) {
        getChildren().setAll(fold ? rail : open);
        setMinWidth(fold ? RAIL_WIDTH : minOpenWidth);
        setMaxWidth(fold ? RAIL_WIDTH : Double.MAX_VALUE);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("folded"), fold);
    }

    /** True while the panel is a rail of icons. */
    BooleanProperty foldedProperty() {
        return folded;
    }
}
