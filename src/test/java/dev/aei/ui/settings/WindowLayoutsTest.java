package dev.aei.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's layouts: one per arrangement of screens, kept beside the settings. */
class WindowLayoutsTest {
    @TempDir
    Path dir;

    private static WindowLayout layout(double x) {
        return new WindowLayout(x, 20, 1200, 800, false, List.of(List.of(0.68), List.of(0.22, 0.76)));
    }

    @Test
    void eachArrangementKeepsItsOwnLayoutAndOnlyTheLatestFewAreKept() {
        WindowLayouts layouts = WindowLayouts.none().with("laptop", layout(1)).with("desk", layout(2));
        assertThat(layouts.on("laptop")).contains(layout(1));
        assertThat(layouts.on("desk")).contains(layout(2));
        assertThat(layouts.with("laptop", layout(3)).on("laptop")).contains(layout(3));
        for (int i = 0; i < WindowLayouts.KEPT; i++) {
            layouts = layouts.with("screens " + i, layout(i));
        }
        assertThat(layouts.byScreens()).hasSize(WindowLayouts.KEPT).doesNotContainKeys("laptop", "desk");
    }

    @Test
    void layoutsRoundTripInAFileOfTheirOwnBesideTheSettings() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        assertThat(store.loadWindows()).isEqualTo(WindowLayouts.none());
        WindowLayouts layouts = WindowLayouts.none().with("1920x1080@0,0", layout(40));
        store.saveWindows(layouts);
        assertThat(store.windowsFile()).isEqualTo(dir.resolve("windows.json")).isRegularFile();
        assertThat(store.loadWindows()).isEqualTo(layouts);
        assertThat(dir.resolve("settings.json")).doesNotExist();
    }

    @Test
    void anUnreadableFileMeansTheDefaultLayout() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Files.writeString(store.windowsFile(), "{\"byScreens\": [1, 2");
        assertThat(store.loadWindows()).isEqualTo(WindowLayouts.none());
    }
}
