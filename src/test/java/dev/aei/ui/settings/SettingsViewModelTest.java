package dev.aei.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.protocol.CanaryPattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private final AppSettings saved = AppSettings.defaults().withDarkTheme(true)
            .withNetwork(new NetworkPrefs(45, 4, true)).withPromptHistory(List.of("hi"));
    private final SettingsViewModel vm = new SettingsViewModel(saved);

    @Test
    void showsTheSavedThemeAndNetworkPreferences() {
        assertThat(vm.darkThemeProperty().get()).isTrue();
        assertThat(vm.pingSecondsProperty().get()).isEqualTo(45);
        assertThat(vm.maxFrameMiBProperty().get()).isEqualTo(4);
        assertThat(vm.reconnectProperty().get()).isTrue();
        assertThat(vm.network()).isEqualTo(new NetworkPrefs(45, 4, true));
    }

    @Test
    void appliesItsChoicesOnTopOfOtherSettingsAndKeepsTheRest() {
        vm.darkThemeProperty().set(false);
        vm.pingSecondsProperty().set(0);
        vm.maxFrameMiBProperty().set(16);
        vm.reconnectProperty().set(false);
        AppSettings applied = vm.applyTo(saved);
        assertThat(applied.darkTheme()).isFalse();
        assertThat(applied.network()).isEqualTo(new NetworkPrefs(0, 16, false));
        assertThat(applied.users()).isEqualTo(saved.users());
        assertThat(applied.promptHistory()).containsExactly("hi");
        assertThat(applied.profile()).isEqualTo(saved.profile());
    }

    @Test
    void tellsListenersOnceForEveryNetworkChangeAndNotForTheTheme() {
        List<NetworkPrefs> seen = new ArrayList<>();
        vm.networkProperty().addListener((o, was, now) -> seen.add(now));
        vm.pingSecondsProperty().set(30);
        vm.reconnectProperty().set(false);
        vm.darkThemeProperty().set(false);
        vm.pingSecondsProperty().set(30);
        assertThat(seen).containsExactly(new NetworkPrefs(30, 4, true), new NetworkPrefs(30, 4, false));
    }

    @Test
    void restoringDefaultsResetsTheConnectionsButNotTheTheme() {
        vm.restoreDefaults();
        assertThat(vm.network()).isEqualTo(NetworkPrefs.defaults());
        assertThat(vm.pingSecondsProperty().get()).isEqualTo(20);
        assertThat(vm.maxFrameMiBProperty().get()).isEqualTo(16);
        assertThat(vm.reconnectProperty().get()).isFalse();
        assertThat(vm.darkThemeProperty().get()).isTrue();
    }

    @Test
    void explainsWhatThePingIntervalMeans() {
        assertThat(vm.pingHint().get()).isEqualTo("Idle sockets are pinged every 45 s; one silent for 68 s counts as lost.");
        vm.pingSecondsProperty().set(0);
        assertThat(vm.pingHint().get()).startsWith("Idle sockets are never pinged");
    }

    @Test
    void promptMarkerFormatsAreOursThenEachUsableTypedLine() {
        String theirs = "\\[\\[canary:(?<user>[^:\\]]+):[0-9a-f]{8}]]";
        assertThat(vm.canaryTextProperty().get()).as("our own format is implied, not listed").isEmpty();
        assertThat(vm.canaryPatterns()).containsExactly(CanaryPattern.OURS.regex());

        List<List<String>> changes = new ArrayList<>();
        vm.onChange(() -> changes.add(vm.canaryPatterns()));
        vm.canaryTextProperty().set("  " + theirs + "  \n\n([a-\n" + theirs + "\n.*");
        assertThat(vm.canaryPatterns()).containsExactly(CanaryPattern.OURS.regex(), theirs);
        assertThat(vm.canaryProblems().get()).contains("'([a-' is not a valid regular expression")
                .contains("matches empty text").contains("left out until fixed");
        assertThat(vm.applyTo(saved).canaries()).hasSize(2);
        assertThat(changes).hasSize(1);

        vm.canaryTextProperty().set(theirs);
        assertThat(vm.canaryProblems().get()).isEmpty();
        assertThat(new SettingsViewModel(vm.applyTo(saved)).canaryTextProperty().get()).isEqualTo(theirs);
    }

    @Test
    void valuesOutOfRangeFallBackToTheDefaults() {
        assertThat(new NetworkPrefs(-1, 0, false)).isEqualTo(new NetworkPrefs(20, 16, false));
        assertThat(new NetworkPrefs(NetworkPrefs.MAX_PING_SECONDS + 1, 65, true)).isEqualTo(new NetworkPrefs(20, 16, true));
        assertThat(new NetworkPrefs(0, 64, true).maxFrameBytes()).isEqualTo(64 * 1024 * 1024);
        assertThat(new NetworkPrefs(0, 1, false).maxFrameBytes()).isEqualTo(1024 * 1024);
        vm.pingSecondsProperty().set(99_999);
        assertThat(vm.network().pingSeconds()).isEqualTo(NetworkPrefs.DEFAULT_PING_SECONDS);
    }
}
