package dev.aei.ui.app;

import dev.aei.ui.frames.FramesView;
import dev.aei.ui.settings.FramesPlacement;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

/**
 * The middle of the window: the timeline with the frames table either as a tab beside it or split
 * under it, as the user chose. FX thread only.
 */
final class FramesDock {
    private final StackPane root = new StackPane();
    private final Node timeline;
    private final FramesView frames;
    private final Tab timelineTab = new Tab("Timeline");
    private final Tab framesTab = new Tab("Frames");
    private final TabPane tabs = new TabPane(timelineTab, framesTab);
    private final SplitPane split = new SplitPane();
    private final ObjectProperty<FramesPlacement> placement = new SimpleObjectProperty<>();

    FramesDock(Node timeline, FramesView frames, FramesPlacement initial) {
        this.timeline = timeline;
        this.frames = frames;
        root.setId("frames-dock");
        root.setMinSize(0, 0);
        tabs.setId("center-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("center-tabs");
        timelineTab.setId("timeline-tab");
        framesTab.setId("frames-tab");
        split.setOrientation(Orientation.VERTICAL);
        split.setId("frames-split");
        placement.addListener((o, was, now) -> arrange(now));
        placement.set(initial);
    }

    private void arrange(FramesPlacement now) {
        timelineTab.setContent(null);
        framesTab.setContent(null);
        split.getItems().clear();
        if (now == FramesPlacement.SPLIT) {
            split.getItems().setAll(timeline, frames);
            split.setDividerPositions(0.42);
            root.getChildren().setAll(split);
        } else {
            timelineTab.setContent(timeline);
            framesTab.setContent(frames);
            root.getChildren().setAll(tabs);
        }
    }

    /** Switches between the tab and the split. */
    void toggle() {
        placement.set(placement.get().other());
    }

    /** Brings the frames table into view (its tab, when it is one). */
    void showFrames() {
        if (placement.get() == FramesPlacement.TAB) {
            tabs.getSelectionModel().select(framesTab);
        }
    }

    /** True when the frames table is on screen. */
    boolean framesShowing() {
        return placement.get() == FramesPlacement.SPLIT || tabs.getSelectionModel().getSelectedItem() == framesTab;
    }

    /** The tab or split placement. */
    ObjectProperty<FramesPlacement> placementProperty() {
        return placement;
    }

    Node root() {
        return root;
    }
}
