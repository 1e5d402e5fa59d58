package dev.aei.ui.app;

import dev.aei.ui.settings.SettingsStore;
import dev.aei.ui.settings.WindowLayout;
import dev.aei.ui.settings.WindowLayouts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the main window's size, position, maximized state and split panes for each arrangement
 * of screens, and puts them back when the window opens on the same screens again (fitted onto them,
 * see {@link Placement}).
 */
final class WindowPlacement {
    private static final Logger LOG = LoggerFactory.getLogger(WindowPlacement.class);

    private final Stage stage;
    private final List<SplitPane> panes;
    private final SettingsStore store;
    private final InvalidationListener follow = o -> noteNormalBounds();
    /** The window's bounds when it was last neither maximized, iconified nor full screen. */
    private Rectangle2D normal;

    /** For {@code stage}, whose split panes are {@code root} and the ones nested in it. */
    WindowPlacement(Stage stage, SplitPane root, SettingsStore store) {
        this.stage = stage;
        this.panes = splitPanes(root).toList();
        this.store = store;
    }

    /**
     * Puts the window where it was on these screens; call before the stage shows. Its dividers follow
     * once it shows at that size (set earlier, the first layout would move them).
     */
    void restore() {
        store.loadWindows().on(Placement.screensKey(screenBounds())).ifPresent(layout -> {
            Placement.fit(layout, visibleAreas()).ifPresent(b -> {
                normal = b;
                stage.setX(b.getMinX());
                stage.setY(b.getMinY());
                stage.setWidth(b.getWidth());
                stage.setHeight(b.getHeight());
            });
            stage.setMaximized(layout.maximized());
            EventHandler<WindowEvent> shown = new EventHandler<>() {
                @Override
                public void handle(WindowEvent e) {
                    stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                    Platform.runLater(() -> restoreDividers(layout));
                }
            };
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown);
        });
        bounds().forEach(p -> p.addListener(follow));
        noteNormalBounds();
    }

    /**
     * Stops following the stage once the window is closed: a stage that outlives the window (a test's
     * shared one) must not keep the closed window's panes, and with them its session, reachable.
     */
    void stopFollowing() {
        bounds().forEach(p -> p.removeListener(follow));
    }

    private Stream<ReadOnlyDoubleProperty> bounds() {
        return Stream.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty());
    }

    private void restoreDividers(WindowLayout layout) {
        for (int i = 0; i < Math.min(panes.size(), layout.dividers().size()); i++) {
            SplitPane pane = panes.get(i);
            Placement.dividers(layout.dividers().get(i), pane.getDividers().size())
                    .ifPresent(pane::setDividerPositions);
        }
    }

    /** Saves the window as it is now under the screens it is on; a failure is logged, never shown. */
    void save() {
        noteNormalBounds();
        Rectangle2D b = normal != null ? normal
                : new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        List<List<Double>> dividers = new ArrayList<>();
        for (SplitPane pane : panes) {
            dividers.add(pane.getDividers().stream().map(SplitPane.Divider::getPosition).toList());
        }
        WindowLayout layout = new WindowLayout(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(),
                stage.isMaximized(), dividers);
        try {
            WindowLayouts saved = store.loadWindows();
            store.saveWindows(saved.with(Placement.screensKey(screenBounds()), layout));
        } catch (IOException e) {
            LOG.warn("The window layout could not be saved to {}: {}", store.windowsFile(), e.getMessage());
        }
    }

    private void noteNormalBounds() {
        if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()
                && stage.getWidth() > 0 && stage.getHeight() > 0 && Double.isFinite(stage.getX())) {
            normal = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
    }

    private static List<Rectangle2D> screenBounds() {
        return Screen.getScreens().stream().map(Screen::getBounds).toList();
    }

    /** The screens' usable areas (without task bars and docks), the primary screen first. */
    private static List<Rectangle2D> visibleAreas() {
        Screen primary = Screen.getPrimary();
        return Stream.concat(Stream.of(primary), Screen.getScreens().stream().filter(s -> !s.equals(primary)))
                .map(Screen::getVisualBounds).toList();
    }

    /** {@code pane} and every split pane inside it, outermost first. */
    private static Stream<SplitPane> splitPanes(SplitPane pane) {
        return Stream.concat(Stream.of(pane), pane.getItems().stream()
                .filter(SplitPane.class::isInstance).map(SplitPane.class::cast)
                .flatMap(WindowPlacement::splitPanes));
    }
}
