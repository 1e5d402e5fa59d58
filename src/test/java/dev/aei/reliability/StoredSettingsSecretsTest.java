package dev.aei.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.settings.SettingsStore;
import dev.aei.ui.settings.UserSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored GUI settings keep the signing secret only when asked, then owner-only; turning
 * "remember" off again leaves no copy of it anywhere in the settings folder.
 */
class StoredSettingsSecretsTest {
    @TempDir
    Path dir;

    private static AppSettings settings(String secret, boolean remember) {
        return new AppSettings("ws://example.test/ws", "header", AppSettings.TOKEN_SECRET, "HS256", secret, remember,
                "", "", "", "netra", List.of(UserSettings.named("alice")), false, List.of("hello"));
    }

    @Test
    void theSecretIsStoredOnlyOnRequestOwnerOnlyAndForgottenWhenNoLongerWanted() throws Exception {
        String secret = "rel-secret-" + UUID.randomUUID();
        SettingsStore store = new SettingsStore(dir.resolve("config").resolve("settings.json"));
        SecretScan scan = new SecretScan().secret(secret);

        store.save(settings(secret, false));
        assertThat(scan.leaksIn(dir, Set.of())).isEmpty();

        store.save(settings(secret, true));
        assertThat(store.load().secret()).isEqualTo(secret);
        for (Path file : SecretScan.files(dir)) {
            if (!scan.leaksIn(file.getParent(), Set.of()).isEmpty()) {
                assertThat(Files.getPosixFilePermissions(file)).as("permissions of %s", file)
                        .containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            }
        }

        store.save(settings(secret, false));
        assertThat(store.load().secret()).isEmpty();
        assertThat(scan.leaksIn(dir, Set.of())).isEmpty();
    }
}
