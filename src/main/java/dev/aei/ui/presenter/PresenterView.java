package dev.aei.ui.presenter;

import atlantafx.base.theme.Tweaks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The big-screen view: one card per lane across the top (in more rows when many users would make
 * the cards too narrow to read), the timeline (in large mode) below, and a switch to tell the events
 * as the backend's own client would show them.
 */
public final class PresenterView extends BorderPane {
    private final CardRows cards = new CardRows(16);
    private final StackPane timelineSlot = new StackPane();

    public PresenterView(PresenterViewModel vm) {
        getStyleClass().add("presenter");
        setId("presenter");
        Label title = new Label("What the agents are doing");
        title.getStyleClass().add("presenter-title");
        CheckBox asClient = new CheckBox("As the client sees it");
        asClient.setId("presenter-as-client");
        asClient.selectedProperty().bindBidirectional(vm.asClientProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox heading = new HBox(12, title, gap, asClient);
        heading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        vm.cards().addListener((ListChangeListener<UserCard>) c -> sync(vm));
        sync(vm);
        // many users make many rows: they scroll, in up to two thirds of the view, above the timeline
        ScrollPane cardScroll = new ScrollPane(cards);
        cardScroll.setFitToWidth(true);
        cardScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        cardScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        cardScroll.setId("presenter-cards");
        cardScroll.maxHeightProperty().bind(heightProperty().multiply(2.0 / 3));
        cardScroll.prefViewportHeightProperty().bind(cards.heightProperty());
        VBox top = new VBox(14, heading, cardScroll);
        top.setPadding(new Insets(24, 24, 12, 24));
        setTop(top);
        timelineSlot.setPadding(new Insets(0, 24, 24, 24));
        timelineSlot.setMinHeight(0);
        setMinHeight(0);
        setCenter(timelineSlot);
    }

    /**
     * Gives every card a view, in the model's order, reusing the views that exist: a view listens to
     * its card, so making new ones for every lane added would leave the old ones updating forever.
     */
    private void sync(PresenterViewModel vm) {
        Map<UserCard, Node> existing = new HashMap<>();
        for (Node node : cards.cards()) {
            existing.put(((UserCardView) node).card(), node);
        }
        List<Node> views = new ArrayList<>();
        for (UserCard card : vm.cards()) {
            Node view = existing.remove(card);
            views.add(view != null ? view : newView(card));
        }
        existing.values().forEach(view -> ((UserCardView) view).dispose());
        cards.cards().setAll(views);
    }

    private static UserCardView newView(UserCard card) {
        UserCardView view = new UserCardView(card);
        view.setMaxWidth(Double.MAX_VALUE);
        return view;
    }

    /** Puts the timeline below the cards (it moves back when the presenter view closes). */
    public void showTimeline(Node timeline) {
        timelineSlot.getChildren().setAll(timeline);
    }
}
