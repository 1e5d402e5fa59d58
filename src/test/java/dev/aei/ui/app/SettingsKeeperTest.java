package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsKeeperTest {
    @TempDir
    Path dir;

    private final ArrayDeque<Runnable> background = new ArrayDeque<>();

    @Test
    void writesWhatThePanelsHoldNowInTheBackground() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        SettingsKeeper keeper = new SettingsKeeper(store, AppSettings.defaults(), background::add);
        boolean[] dark = {false};
        keeper.readFrom(saved -> saved.withDarkTheme(dark[0]).withPromptHistory(List.of("hello")));

        dark[0] = true;
        keeper.saveLater();
        dark[0] = false; // read when asked, not when written: a later change is the next save's

        assertThat(store.file()).doesNotExist();
        background.poll().run();
        assertThat(store.load().darkTheme()).isTrue();
        assertThat(store.load().promptHistory()).containsExactly("hello");

        keeper.saveNow();
        assertThat(store.load().darkTheme()).isFalse();
        assertThat(background).isEmpty();
    }

    @Test
    void aFileThatCannotBeWrittenIsLoggedNotThrown() throws Exception {
        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "not a folder");
        SettingsKeeper keeper = new SettingsKeeper(new SettingsStore(blocked.resolve("settings.json")),
                AppSettings.defaults(), background::add);

        keeper.saveNow();
        keeper.saveLater();
        background.poll().run();

        assertThat(keeper.current()).isEqualTo(AppSettings.defaults());
        assertThat(Files.readString(blocked)).isEqualTo("not a folder");
    }
}
