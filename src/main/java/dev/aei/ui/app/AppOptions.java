package dev.aei.ui.app;

import dev.aei.server.BackendConfig;
import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.settings.SettingsStore;
import dev.aei.ui.settings.UserSettings;
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
 * @param openFile     a fixture, journal or HAR to show at start instead of signing in, or null
 */
public record AppOptions(Path settingsFile, BackendConfig backend, String server, String secret, List<String> users,
                         Path sessionsDir, boolean autoConnect, Path openFile) {

    public AppOptions {
        users = List.copyOf(users);
    }

    /** Options that open no file at start. */
    public AppOptions(Path settingsFile, BackendConfig backend, String server, String secret, List<String> users,
                      Path sessionsDir, boolean autoConnect) {
        this(settingsFile, backend, server, secret, users, sessionsDir, autoConnect, null);
    }

    /** The zero-setup defaults: the standard settings file, an embedded backend, connect at once. */
    public static AppOptions defaults() {
        Path settings = SettingsStore.standardFile();
        return new AppOptions(settings, BackendConfig.defaults(), null, null, List.of(),
                settings.getParent().resolve("sessions"), true);
    }

    /**
     * Defaults with the {@code --server=…}, {@code --secret=…}, {@code --users=a,b}, {@code --delay-ms=…} and
     * {@code --open=FILE} parameters applied; a file to open means no sign-in at start.
     */
    public static AppOptions fromParameters(Map<String, String> named) {
        AppOptions d = defaults();
        BackendConfig backend = named.containsKey("delay-ms")
                ? d.backend().withEventDelayMs(Long.parseLong(named.get("delay-ms"))) : d.backend();
        List<String> users = named.containsKey("users") ? List.of(named.get("users").split(",")) : List.of();
        Path open = named.containsKey("open") ? Path.of(named.get("open")) : null;
        return new AppOptions(d.settingsFile(), backend, named.get("server"), named.get("secret"), users,
                d.sessionsDir(), open == null, open);
    }

    /** The saved settings with what the command line gave over them: server, secret, users. */
    AppSettings overriding(AppSettings s) {
        List<UserSettings> chosen = users().isEmpty() ? s.users() : users().stream().map(UserSettings::named).toList();
        return new AppSettings(server() == null ? s.serverUrl() : server(), s.authMode(), s.tokenMode(),
                s.algorithm(), secret() == null ? s.secret() : secret(), s.rememberSecret(), s.keyFile(),
                s.loginUrl(), s.ticketUrl(), s.profile(), chosen, s.darkTheme(), s.promptHistory(), s.canaryPatterns(),
                s.network(), s.legendHidden());
    }
}
