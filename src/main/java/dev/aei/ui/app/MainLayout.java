package dev.aei.ui.app;

import atlantafx.base.theme.Tweaks;
import dev.aei.ui.files.OpenFileViewModel;
import dev.aei.ui.files.ReplayBar;
import dev.aei.ui.files.ReplayViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/** Builds the main window's frame: side tabs, timeline and detail over the findings, the bars below. */
final class MainLayout {
    private MainLayout() {
    }

    /** Below this width of the middle row the side tabs fold to icons. */
    static final double FOLD_SIDE_BELOW = 1200;
    /** Below this width the detail panel folds too. */
    static final double FOLD_DETAIL_BELOW = 860;
    private static final double SIDE_MIN = 260;
    private static final double DETAIL_MIN = 260;

    /**
     * Side tabs on the left, the timeline in the middle, detail on the right, findings below; the
     * side panels keep their width when the window grows, and fold to a rail of icons when it gets
     * narrow (or the user folds them), so the timeline keeps most of the width.
     */
    static SplitPane workspace(TabPane side, Node timelineSlot, Region detail, Node findings) {
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.getStyleClass().add("side-tabs");
        side.setId("side-tabs");
        side.setMinWidth(0);
        detail.setMinWidth(0);
        List<FoldingSide.Item> tabs = new ArrayList<>();
        for (Tab tab : side.getTabs()) {
            tabs.add(new FoldingSide.Item(tab.getGraphic() instanceof FontIcon icon ? icon.getIconCode()
                    : MaterialDesignV.VIEW_LIST, tab.getText(), () -> side.getSelectionModel().select(tab)));
        }
        FoldingSide left = new FoldingSide("side-panel", side, SIDE_MIN, true, tabs);
        left.setPrefWidth(310);
        FoldingSide right = new FoldingSide("detail-side", detail, DETAIL_MIN, false,
                List.of(new FoldingSide.Item(MaterialDesignT.TEXT_BOX_SEARCH_OUTLINE, "Event detail", () -> { })));
        right.setPrefWidth(340);
        SplitPane middle = new SplitPane(left, timelineSlot, right);
        middle.setId("workspace-middle");
        middle.setDividerPositions(0.22, 0.76);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        foldWhenNarrow(middle, left, right);
        SplitPane all = new SplitPane(middle, findings);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.6);
        all.setMinSize(0, 0);
        return all;
    }

    /**
     * Folds the side panels when the row gets narrower than their thresholds and unfolds them when it
     * gets wider again; in between, what the user chose stays. Each fold or unfold puts the dividers
     * where the panels' widths say (an open detail panel takes at most 27% of a narrow row).
     */
    private static void foldWhenNarrow(SplitPane middle, FoldingSide left, FoldingSide right) {
        double[] openWidths = {310, 340};
        Runnable arrange = () -> Platform.runLater(() -> {
            double width = middle.getWidth();
            if (width <= 0 || middle.getDividers().size() < 2) {
                return;
            }
            double leftWidth = left.foldedProperty().get() ? FoldingSide.RAIL_WIDTH : openWidths[0];
            double rightWidth = right.foldedProperty().get() ? FoldingSide.RAIL_WIDTH
                    : Math.max(DETAIL_MIN, Math.min(openWidths[1], width * 0.27));
            middle.setDividerPositions(leftWidth / width, 1 - rightWidth / width);
        });
        middle.widthProperty().addListener((o, was, now) -> {
            double before = was.doubleValue();
            double width = now.doubleValue();
            boolean changed = follow(left, before, width, FOLD_SIDE_BELOW);
            changed |= follow(right, before, width, FOLD_DETAIL_BELOW);
            if (changed) {
                arrange.run();
            }
        });
        left.foldedProperty().addListener((o, was, fold) -> {
            if (fold && left.getWidth() > FoldingSide.RAIL_WIDTH) {
                openWidths[0] = Math.max(SIDE_MIN, left.getWidth());
            }
            arrange.run();
        });
        right.foldedProperty().addListener((o, was, fold) -> {
            if (fold && right.getWidth() > FoldingSide.RAIL_WIDTH) {
                openWidths[1] = Math.max(DETAIL_MIN, right.getWidth());
            }
            arrange.run();
        });
    }

    /** Folds or unfolds a side when the width crossed its threshold; true when the width crossed one. */
    private static boolean follow(FoldingSide side, double before, double width, double threshold) {
        boolean first = before <= 0;
        if (width < threshold && (first || before >= threshold)) {
            side.foldedProperty().set(true);
            return true;
        }
        if (width >= threshold && !first && before < threshold) {
            side.foldedProperty().set(false);
            return true;
        }
        return false;
    }

    /** A side tab whose panel scrolls when the window is too short for it; its icon stands for it on the folded rail. */
    static Tab sideTab(String title, Ikon icon, Region panel) {
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        Tab tab = new Tab(title, scroll);
        tab.setGraphic(new FontIcon(icon));
        return tab;
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
