package dev.aei.ui.app;

import dev.aei.server.BackendConfig;
import dev.aei.ui.settings.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How the app is started: where settings live, how the embedded backend runs, what the command
 * line overrides, and whether to sign in at once.
 *
 * @param settingsFile the settings JSON
 * @param backend      the embedded backend's configuration (used when no server is given)
 * @param server       a server URL that overrides the saved one, or null
 * @param secret       a signing secret that overrides the saved one, or null
 * @param users        users that replace the saved ones, or empty
 * @param sessionsDir  where recorded journals go
 * @param autoConnect  sign the enabled users in at start
 */
public record AppOptions(Path settingsFile, BackendConfig backend, String server, String secret, List<String> users,
                         Path sessionsDir, boolean autoConnect) {

    public AppOptions {
        users = List.copyOf(users);
    }

    /** The zero-setup defaults: the standard settings file, an embedded backend, connect at once. */
    public static AppOptions defaults() {
        SettingsStore store = SettingsStore.standard();
        return new AppOptions(store.file(), BackendConfig.defaults(), null, null, List.of(),
                store.file().getParent().resolve("sessions"), true);
    }

    /** Defaults with the {@code --server=…}, {@code --secret=…}, {@code --users=a,b} and {@code --delay-ms=…} parameters applied. */
    public static AppOptions fromParameters(Map<String, String> named) {
        AppOptions d = defaults();
        BackendConfig backend = named.containsKey("delay-ms")
                ? d.backend().withEventDelayMs(Long.parseLong(named.get("delay-ms"))) : d.backend();
        List<String> users = named.containsKey("users") ? List.of(named.get("users").split(",")) : List.of();
        return new AppOptions(d.settingsFile(), backend, named.get("server"), named.get("secret"), users,
                d.sessionsDir(), true);
    }
}
