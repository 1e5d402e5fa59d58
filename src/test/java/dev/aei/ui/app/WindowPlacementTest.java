package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.aei.ui.settings.SettingsStore;
import dev.aei.ui.settings.WindowLayout;
import dev.aei.ui.settings.WindowLayouts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A real window with the main window's split panes remembers where it was and comes back there. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {
    @TempDir
    Path dir;

    private Stage stage;
    private SplitPane outer;
    private SplitPane inner;

    @AfterEach
    void closeWindow() {
        fx(() -> {
            if (stage != null) {
                stage.close();
            }
            return null;
        });
    }

    /** A window shaped like the main one (panes side by side above a findings pane), not yet shown. */
    private WindowPlacement window(SettingsStore store) {
        return fx(() -> {
            inner = new SplitPane(new Pane(), new Pane(), new Pane());
            inner.setDividerPositions(0.22, 0.76);
            outer = new SplitPane(inner, new Pane());
            outer.setOrientation(Orientation.VERTICAL);
            outer.setDividerPositions(0.68);
            stage = new Stage();
            stage.setScene(new Scene(outer, 700, 500));
            return new WindowPlacement(stage, outer, store);
        });
    }

    private String screens() {
        return fx(() -> Placement.screensKey(Screen.getScreens().stream().map(Screen::getBounds).toList()));
    }

    @Test
    void theWindowOpensWhereItWasLastClosedOnTheseScreens() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        WindowPlacement first = window(store);
        fx(() -> {
            first.restore();
            stage.show();
            stage.setX(60);
            stage.setY(40);
            stage.setWidth(900);
            stage.setHeight(600);
            outer.setDividerPositions(0.5);
            inner.setDividerPositions(0.3, 0.6);
            first.save();
            stage.close();
            return null;
        });
        WindowLayout saved = store.loadWindows().on(screens()).orElseThrow();
        assertThat(saved.dividers().get(0).get(0)).isCloseTo(0.5, offset(0.01));
        assertThat(saved.dividers().get(1)).hasSize(2);

        WindowPlacement again = window(store);
        fx(() -> {
            again.restore();
            stage.show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())))
                .isEqualTo(new Rectangle2D(60, 40, 900, 600));
        assertThat(fx(() -> outer.getDividerPositions()[0])).isCloseTo(0.5, offset(0.01));
        assertThat(fx(() -> inner.getDividerPositions())).containsExactly(new double[] {0.3, 0.6},
                offset(0.01));
    }

    @Test
    void aWindowSavedOffTheScreenComesBackOnIt() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.saveWindows(WindowLayouts.none().with(screens(),
                new WindowLayout(-5000, 9000, 99999, 700, false, List.of(List.of(0.4), List.of(0.1, 0.2, 0.3)))));
        WindowPlacement placement = window(store);
        fx(() -> {
            placement.restore();
            stage.show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Rectangle2D screen = fx(() -> Screen.getPrimary().getVisualBounds());
        Rectangle2D shown = fx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
        assertThat(shown.getWidth()).isEqualTo(screen.getWidth());
        assertThat(screen.contains(shown)).as("%s inside %s", shown, screen).isTrue();
        assertThat(fx(() -> outer.getDividerPositions()[0])).isCloseTo(0.4, offset(0.01));
        // three saved positions do not fit a pane with two dividers: it keeps its own (about 0.22 and 0.76)
        assertThat(fx(() -> inner.getDividerPositions()[0])).isGreaterThan(0.15);
    }

    private static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
