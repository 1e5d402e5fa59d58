package dev.aei.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenFileViewModelTest {
    @TempDir
    Path dir;

    @Test
    void openingMovesTheFileToTheTopOfAtMostEightRecentFiles() {
        OpenFileViewModel model = new OpenFileViewModel(List.of());
        IntStream.range(0, 10).forEach(i -> model.opened(dir.resolve("s" + i + ".aei.json")));
        model.opened(dir.resolve("s5.aei.json"));
        assertThat(model.recent()).hasSize(OpenFileViewModel.MAX_RECENT);
        assertThat(model.recent().get(0)).isEqualTo(dir.resolve("s5.aei.json").toAbsolutePath());
        assertThat(model.recent()).doesNotHaveDuplicates().doesNotContain(dir.resolve("s0.aei.json"));
        assertThat(model.viewingProperty().get()).isEqualTo("s5.aei.json");
        assertThat(model.statusText()).contains("Viewing s5.aei.json", "disconnected");
    }

    @Test
    void aFailedLoadStopsLoadingAndKeepsWhatWasViewed() {
        OpenFileViewModel model = new OpenFileViewModel(List.of());
        model.started();
        assertThat(model.loadingProperty().get()).isTrue();
        model.failed();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.viewingProperty().get()).isEmpty();
        assertThat(model.recent()).isEmpty();
    }

    @Test
    void aFileThatIsGoneLeavesTheRecentFiles() {
        OpenFileViewModel model = new OpenFileViewModel(List.of());
        model.opened(dir.resolve("kept.aei.json"));
        model.opened(dir.resolve("gone.aei.json"));
        model.started();
        model.gone(dir.resolve("gone.aei.json"));
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.recent()).containsExactly(dir.resolve("kept.aei.json").toAbsolutePath());
    }

    @Test
    void aSaveShowsProgressKeepsTheViewAndPutsTheSavedFileFirstAmongTheRecentFiles() {
        OpenFileViewModel model = new OpenFileViewModel(List.of());
        model.opened(dir.resolve("viewed.aei.json"));
        model.started();
        assertThat(model.loadingProperty().get()).isTrue();
        model.saved(dir.resolve("copy.aei.json"));
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.viewingProperty().get()).isEqualTo("viewed.aei.json");
        assertThat(model.recent()).containsExactly(dir.resolve("copy.aei.json").toAbsolutePath(),
                dir.resolve("viewed.aei.json").toAbsolutePath());
        model.started();
        model.saveFailed();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.recent()).hasSize(2);
    }

    @Test
    void recentFilesSurviveARestartAndAnUnreadableFileMeansNone() throws Exception {
        RecentFiles store = RecentFiles.besideSettings(dir.resolve("settings.json"));
        assertThat(store.load()).isEmpty();
        store.save(List.of(dir.resolve("a.har"), dir.resolve("b.jsonl")));
        assertThat(new OpenFileViewModel(store.load()).recent()).containsExactly(dir.resolve("a.har"), dir.resolve("b.jsonl"));
        java.nio.file.Files.writeString(dir.resolve("recent-files.json"), "{broken");
        assertThat(store.load()).isEmpty();
    }
}
