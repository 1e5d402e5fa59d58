package dev.aei.ui.presenter;

import java.util.List;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Lays the cards out side by side in equal widths, wrapping into more rows when a card would get
 * narrower than {@link #MIN_CARD_WIDTH}, so many users (or several tabs of one) stay legible.
 */
final class CardRows extends Region {
    /** Narrower than this a card's name and headline no longer read well. */
    static final double MIN_CARD_WIDTH = 260;
    private final double gap;

    CardRows(double gap) {
        this.gap = gap;
    }

    /** The cards, in order; a live list to add to and remove from. */
    ObservableList<Node> cards() {
        return getChildren();
    }

    /** How many cards go in one row at this width. */
    int columns(double width) {
        int count = getChildren().size();
        if (count == 0) {
            return 1;
        }
        int fit = (int) Math.floor((width + gap) / (MIN_CARD_WIDTH + gap));
        return Math.max(1, Math.min(count, fit));
    }

    private double cardWidth(double width, int columns) {
        return Math.max(0, (width - gap * (columns - 1)) / columns);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = (width < 0 ? 1200 : width) - in.getLeft() - in.getRight();
        int columns = columns(inner);
        double cardWidth = cardWidth(inner, columns);
        double height = 0;
        List<Node> children = getChildren();
        for (int row = 0; row * columns < children.size(); row++) {
            height += rowHeight(children, row, columns, cardWidth) + (row > 0 ? gap : 0);
        }
        return height + in.getTop() + in.getBottom();
    }

    @Override
    protected double computePrefWidth(double height) {
        return getChildren().size() * MIN_CARD_WIDTH + Math.max(0, getChildren().size() - 1) * gap;
    }

    @Override
    protected double computeMinWidth(double height) {
        return MIN_CARD_WIDTH;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double inner = getWidth() - in.getLeft() - in.getRight();
        int columns = columns(inner);
        double cardWidth = cardWidth(inner, columns);
        List<Node> children = getChildren();
        double y = in.getTop();
        for (int row = 0; row * columns < children.size(); row++) {
            double height = rowHeight(children, row, columns, cardWidth);
            for (int i = row * columns; i < Math.min(children.size(), (row + 1) * columns); i++) {
                double x = in.getLeft() + (i - row * columns) * (cardWidth + gap);
                children.get(i).resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(cardWidth), snapSizeY(height));
            }
            y += height + gap;
        }
    }

    private static double rowHeight(List<Node> children, int row, int columns, double cardWidth) {
        double height = 0;
        for (int i = row * columns; i < Math.min(children.size(), (row + 1) * columns); i++) {
            height = Math.max(height, children.get(i).prefHeight(cardWidth));
        }
        return height;
    }
}
