package dev.aei.ui.app;

import atlantafx.base.theme.Styles;
import dev.aei.ui.timeline.TimelineLegend;
import dev.aei.ui.timeline.TimelineView;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The timeline with its legend under it; the legend shows while {@code legendShown} is true (the
 * View menu's check item and the legend's own close button both change it).
 */
final class TimelinePane extends BorderPane {
    private final TimelineView timeline;
    private final TimelineLegend legend;

    TimelinePane(TimelineView timeline, BooleanProperty legendShown) {
        this.timeline = timeline;
        legend = new TimelineLegend(timeline);
        Button hide = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        hide.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        hide.setTooltip(new Tooltip("Hide the legend (View > Timeline legend shows it again)"));
        hide.setId("legend-hide");
        hide.setOnAction(e -> legendShown.set(false));
        HBox bar = new HBox(6, legend, hide);
        HBox.setHgrow(legend, Priority.ALWAYS);
        legend.setMinWidth(0);
        legend.setPrefWrapLength(400);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 10));
        bar.getStyleClass().add("timeline-legend-bar");
        bar.visibleProperty().bind(legendShown);
        bar.managedProperty().bind(legendShown);
        setCenter(timeline);
        setBottom(bar);
        setMinSize(0, 0);
    }

    /** Takes the timeline back after the presenter view borrowed it. */
    void putBack() {
        setCenter(timeline);
    }

    /** The legend, for tests. */
    TimelineLegend legend() {
        return legend;
    }
}
