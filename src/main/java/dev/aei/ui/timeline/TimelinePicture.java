package dev.aei.ui.timeline;

import dev.aei.protocol.IdText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;

/**
 * A picture of a timeline for a bug report: a title, the users and the time range above, every lane
 * drawn whole (a second, offscreen view of the same data sized for the range) and the legend below.
 * Drawn on the FX thread; written on any.
 */
public final class TimelinePicture {
    /** The narrowest picture of a whole session, so a long run keeps its detail. */
    private static final double MIN_WHOLE_WIDTH = 1400;
    private static final double MIN_WIDTH = 900;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    /** What part of the time the picture covers. */
    public enum Range {
        /** Everything captured, from the first event to the last. */
        WHOLE_SESSION,
        /** What the timeline shows now. */
        VISIBLE
    }

    private TimelinePicture() {
    }

    /** Draws the picture of {@code source} over {@code range} under {@code title}. */
    public static WritableImage render(TimelineView source, Range range, String title) {
        TimelineModel model = source.model();
        TimelineView copy = new TimelineView(model);
        copy.liveLabelProperty().set(""); // a picture has no live state to tell
        copy.setScale(1.0);
        long from = source.getVisibleStart();
        long to = source.getVisibleEnd();
        if (range == Range.WHOLE_SESSION && !model.isEmpty()) {
            copy.setFollowLive(false);
            copy.fitTo(model.firstNanos(), model.lastNanos());
            from = model.firstNanos(); // the caption tells what was captured, not the margins around it
            to = model.lastNanos();
        } else {
            copy.showRange(from, to);
        }
        double width = Math.max(range == Range.WHOLE_SESSION ? MIN_WHOLE_WIDTH : MIN_WIDTH, source.getWidth());
        LaneLayout layout = new LaneLayout(width, 0, 1.0, model.lanes().size(), 0);
        double height = layout.axisHeight() + Math.max(layout.contentHeight(), layout.laneHeight()) + 2;
        copy.setPrefSize(width, height);
        copy.setMinSize(width, height);
        copy.setMaxSize(width, height);

        Label heading = new Label(title);
        heading.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
        heading.setId("picture-title");
        Label facts = new Label(users(model) + "\n" + timeRange(model, from, to));
        facts.setStyle("-fx-text-fill: -color-fg-muted;");
        facts.setId("picture-facts");
        TimelineLegend legend = new TimelineLegend(copy);
        legend.setPrefWrapLength(width);
        VBox page = new VBox(10, heading, facts, copy, legend);
        page.setPadding(new Insets(16));
        page.setStyle("-fx-background-color: -color-bg-default;");
        Scene scene = new Scene(page);
        if (source.getScene() != null) {
            scene.getStylesheets().setAll(source.getScene().getStylesheets());
            page.getStyleClass().addAll(source.getScene().getRoot().getStyleClass());
        }
        page.applyCss();
        page.layout();
        return page.snapshot(null, null);
    }

    /** Draws the picture and writes it as a PNG file. */
    public static void writePng(TimelineView source, Range range, String title, Path file) throws IOException {
        savePng(render(source, range, title), file);
    }

    /**
     * Writes a drawn image as a PNG file, making its folder first; any thread (encoding a large
     * picture takes a while). The file appears whole or not at all.
     */
    public static void savePng(WritableImage image, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", part.toFile())) {
                throw new IOException("no PNG writer is available");
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static String users(TimelineModel model) {
        String names = model.lanes().stream().map(l -> IdText.forDisplay(l.id())).collect(Collectors.joining(", "));
        return (model.lanes().size() == 1 ? "User: " : "Users: ") + (names.isEmpty() ? "none" : names);
    }

    private static String timeRange(TimelineModel model, long from, long to) {
        if (model.isEmpty()) {
            return "Nothing captured yet";
        }
        TimeScale scale = new TimeScale(from, to, 1, model.originWallMillis(), ZoneId.systemDefault());
        String day = DAY.format(Instant.ofEpochMilli(model.originWallMillis() + from / 1_000_000)
                .atZone(ZoneId.systemDefault()));
        return String.format(Locale.ROOT, "%s %s – %s (%.1f s)", day, scale.clockTime(from), scale.clockTime(to),
                (to - from) / 1e9);
    }
}
