package dev.aei.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    private AppSettings withSecret(boolean remember) {
        return new AppSettings("ws://example.test/ws", "query", "secret", "HS256", "s3cret-value", remember, "", "",
                "https://example.test/ticket", "ag-ui", List.of(new UserSettings("carol", "{\"role\":\"admin\"}", false)), true, List.of("hi"));
    }

    @Test
    void missingFileGivesDefaultsWithAliceAndBob() {
        AppSettings loaded = new SettingsStore(dir.resolve("settings.json")).load();
        assertThat(loaded.embeddedBackend()).isTrue();
        assertThat(loaded.users()).extracting(UserSettings::id).containsExactly("alice", "bob");
    }

    @Test
    void roundTripsEverythingButTheSecretByDefault() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("sub/settings.json"));
        store.save(withSecret(false));
        AppSettings loaded = store.load();
        assertThat(loaded).isEqualTo(withSecret(false).forDisk());
        assertThat(loaded.secret()).isEmpty();
        assertThat(Files.readString(store.file())).doesNotContain("s3cret-value");
    }

    @Test
    void theLegendShowsOnTheFirstRunAndAHiddenLegendIsRemembered() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        assertThat(store.load().legendHidden()).isFalse();
        store.save(AppSettings.defaults());
        String older = Files.readString(store.file()).replace("\"legendHidden\" : false,", "")
                .replace(",\n  \"legendHidden\" : false", "");
        Files.writeString(store.file(), older);
        assertThat(older).doesNotContain("legendHidden");
        assertThat(store.load().legendHidden()).as("a file from before the legend").isFalse();
        store.save(AppSettings.defaults().withLegendHidden(true).withDarkTheme(true));
        assertThat(store.load().legendHidden()).isTrue();
    }

    @Test
    void aRememberedSecretIsKeptInAnOwnerOnlyFile() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(withSecret(true));
        assertThat(store.load().secret()).isEqualTo("s3cret-value");
        assertThat(Files.getPosixFilePermissions(store.file()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void networkPreferencesRoundTripAndAFileFromBeforeThemGetsTheDefaults() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        AppSettings tuned = withSecret(false).withNetwork(new NetworkPrefs(5, 2, true));
        store.save(tuned);
        assertThat(store.load().network()).isEqualTo(new NetworkPrefs(5, 2, true));

        Files.writeString(store.file(), Files.readString(store.file()).replaceAll("(?s),\\s*\"network\"\\s*:\\s*\\{[^}]*}", ""));
        assertThat(Files.readString(store.file())).doesNotContain("network");
        AppSettings old = store.load();
        assertThat(old.network()).isEqualTo(NetworkPrefs.defaults());
        assertThat(old.profile()).isEqualTo("ag-ui");
    }

    @Test
    void aBrokenFileFallsBackToDefaults() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{not json");
        assertThat(new SettingsStore(file).load()).isEqualTo(AppSettings.defaults());
    }

    @Test
    void theFolderCanBeMovedWithASystemProperty() {
        String before = System.getProperty(SettingsStore.DIR_PROPERTY);
        try {
            System.setProperty(SettingsStore.DIR_PROPERTY, dir.toString());
            assertThat(SettingsStore.standardFile()).isEqualTo(dir.resolve("settings.json"));
        } finally {
            if (before == null) {
                System.clearProperty(SettingsStore.DIR_PROPERTY);
            } else {
                System.setProperty(SettingsStore.DIR_PROPERTY, before);
            }
        }
    }

    @Test
    void tabsAndCanaryPatternsRoundTripAndOldFilesGetTheDefaults() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        AppSettings settings = AppSettings.defaults().withCanaryPatterns(List.of("cnry-[0-9a-f]{10}",
                "\\[\\[canary:(?<user>[^:\\]]+):[0-9a-f]{8}]]"));
        settings = new AppSettings(settings.serverUrl(), settings.authMode(), settings.tokenMode(), settings.algorithm(),
                settings.secret(), false, "", "", "", "netra", List.of(UserSettings.named("爱丽丝"),
                new UserSettings("爱丽丝 #2", "{}", true, "爱丽丝")), false, List.of(), settings.canaryPatterns());
        store.save(settings);
        AppSettings loaded = store.load();
        assertThat(loaded).isEqualTo(settings);
        assertThat(loaded.users().get(1).userId()).isEqualTo("爱丽丝");
        assertThat(loaded.canaries()).hasSize(2);
        assertThat(AppSettings.canaryProblem("([a-")).contains("not a valid regular expression");

        Files.writeString(store.file(), "{\"serverUrl\":\"\",\"users\":[{\"id\":\"alice\",\"enabled\":true}]}");
        AppSettings old = store.load();
        assertThat(old.canaryPatterns()).containsExactly("cnry-[0-9a-f]{10}");
        assertThat(old.users().get(0).userId()).isEqualTo("alice");
    }
}
