package dev.aei.ui.presenter;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The big-screen view: one card per user across the top, the timeline (in large mode) below. */
public final class PresenterView extends BorderPane {
    private final HBox cards = new HBox(16);
    private final StackPane timelineSlot = new StackPane();

    public PresenterView(PresenterViewModel vm) {
        getStyleClass().add("presenter");
        setId("presenter");
        Label title = new Label("What the agents are doing");
        title.getStyleClass().add("presenter-title");
        cards.setFillHeight(true);
        vm.cards().addListener((ListChangeListener<UserCard>) c -> rebuild(vm));
        rebuild(vm);
        VBox top = new VBox(14, title, cards);
        top.setPadding(new Insets(24, 24, 12, 24));
        setTop(top);
        timelineSlot.setPadding(new Insets(0, 24, 24, 24));
        timelineSlot.setMinHeight(0);
        setMinHeight(0);
        setCenter(timelineSlot);
    }

    private void rebuild(PresenterViewModel vm) {
        cards.getChildren().setAll(vm.cards().stream().map(card -> {
            UserCardView view = new UserCardView(card);
            HBox.setHgrow(view, Priority.ALWAYS);
            view.setMaxWidth(Double.MAX_VALUE);
            view.setPrefWidth(0); // share the width equally
            return view;
        }).toList());
    }

    /** Puts the timeline below the cards (it moves back when the presenter view closes). */
    public void showTimeline(Node timeline) {
        timelineSlot.getChildren().setAll(timeline);
    }
}
