package dev.aei.ui.app;

import atlantafx.base.theme.Tweaks;
import dev.aei.ui.files.OpenFileViewModel;
import dev.aei.ui.files.ReplayBar;
import dev.aei.ui.files.ReplayViewModel;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/** Builds the main window's frame: side tabs, timeline and detail over the findings, the bars below. */
final class MainLayout {
    private MainLayout() {
    }

    /**
     * Side tabs on the left, the timeline in the middle, detail on the right, findings below; the
     * side panels keep their width when the window grows.
     */
    static SplitPane workspace(TabPane side, Node timelineSlot, Region detail, Node findings) {
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.getStyleClass().add("side-tabs");
        side.setId("side-tabs");
        side.setMinWidth(260);
        side.setPrefWidth(310);
        detail.setMinWidth(260);
        detail.setPrefWidth(340);
        SplitPane middle = new SplitPane(side, timelineSlot, detail);
        middle.setDividerPositions(0.22, 0.76);
        SplitPane.setResizableWithParent(side, false);
        SplitPane.setResizableWithParent(detail, false);
        SplitPane all = new SplitPane(middle, findings);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.68);
        all.setMinSize(0, 0);
        return all;
    }

    /** A side tab whose panel scrolls when the window is too short for it. */
    static Tab sideTab(String title, Region panel) {
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        return new Tab(title, scroll);
    }

    /** A thin progress bar shown only while a file loads or saves. */
    static ProgressBar loadBar(OpenFileViewModel files) {
        ProgressBar bar = new ProgressBar();
        bar.setId("load-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(files.progressProperty());
        bar.visibleProperty().bind(files.loadingProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** The replay controls, shown only while a file is viewed. */
    static ReplayBar replayBar(ReplayViewModel replay, OpenFileViewModel files) {
        ReplayBar bar = new ReplayBar(replay);
        bar.visibleProperty().bind(files.viewingProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }
}
