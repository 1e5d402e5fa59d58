package dev.aei.ui.settings;

import dev.aei.protocol.CanaryPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the app remembers between runs. The secret is kept only when {@code rememberSecret}.
 *
 * @param serverUrl      the WebSocket URL; empty means the embedded reference backend
 * @param authMode       header, subprotocol, query or ticket
 * @param tokenMode      how tokens are made: secret, key-file or login
 * @param algorithm      the JWT signing algorithm (HS256, RS256, ES256)
 * @param secret         the signing secret, or empty
 * @param rememberSecret whether the secret may be written to disk
 * @param keyFile        the PEM key file for RS256/ES256, or empty
 * @param loginUrl       the login endpoint, or empty
 * @param ticketUrl      where tickets are fetched in ticket mode; empty means {@code /ticket} on the server's host
 * @param profile        the event profile: netra, ag-ui or a file path
 * @param users          the test users
 * @param darkTheme      dark theme on
 * @param promptHistory  prompts sent, newest last
 * @param canaryPatterns prompt marker formats (regular expressions; a named group {@code user} says whose
 *                       prompt a marker is) the analysis checks; this tool's own {@code cnry-} format by
 *                       default, and always checked whatever the list says
 * @param network        how sockets ping, how large a frame may be, whether dropped users reconnect
 * @param legendHidden   the user hid the timeline's legend (it shows on the first run)
 */
public record AppSettings(String serverUrl, String authMode, String tokenMode, String algorithm, String secret,
                          boolean rememberSecret, String keyFile, String loginUrl, String ticketUrl,
                          String profile,
                          List<UserSettings> users, boolean darkTheme, List<String> promptHistory,
                          List<String> canaryPatterns, NetworkPrefs network, boolean legendHidden) {

    /** Token made locally from a shared secret. */
    public static final String TOKEN_SECRET = "secret";
    /** Token signed with a private key file. */
    public static final String TOKEN_KEY_FILE = "key-file";
    /** Token fetched from a login endpoint. */
    public static final String TOKEN_LOGIN = "login";
    /** The prompt marker formats checked by default: only this tool's own. */
    public static final List<String> DEFAULT_CANARY_PATTERNS = List.of(CanaryPattern.OURS.regex());

    public AppSettings {
        serverUrl = orEmpty(serverUrl);
        authMode = orDefault(authMode, "header");
        tokenMode = orDefault(tokenMode, TOKEN_SECRET);
        algorithm = orDefault(algorithm, "HS256");
        secret = orEmpty(secret);
        keyFile = orEmpty(keyFile);
        loginUrl = orEmpty(loginUrl);
        ticketUrl = orEmpty(ticketUrl);
        profile = orDefault(profile, "netra");
        users = users == null ? List.of() : List.copyOf(users);
        promptHistory = promptHistory == null ? List.of() : List.copyOf(promptHistory);
        canaryPatterns = canaryPatterns == null ? DEFAULT_CANARY_PATTERNS : List.copyOf(canaryPatterns);
        network = network == null ? NetworkPrefs.defaults() : network;
    }

    /** Settings with the legend shown. */
    public AppSettings(String serverUrl, String authMode, String tokenMode, String algorithm, String secret,
                       boolean rememberSecret, String keyFile, String loginUrl, String ticketUrl, String profile,
                       List<UserSettings> users, boolean darkTheme, List<String> promptHistory,
                       List<String> canaryPatterns, NetworkPrefs network) {
        this(serverUrl, authMode, tokenMode, algorithm, secret, rememberSecret, keyFile, loginUrl, ticketUrl, profile,
                users, darkTheme, promptHistory, canaryPatterns, network, false);
    }

    /** Settings with the default network preferences. */
    public AppSettings(String serverUrl, String authMode, String tokenMode, String algorithm, String secret,
                       boolean rememberSecret, String keyFile, String loginUrl, String ticketUrl, String profile,
                       List<UserSettings> users, boolean darkTheme, List<String> promptHistory,
                       List<String> canaryPatterns) {
        this(serverUrl, authMode, tokenMode, algorithm, secret, rememberSecret, keyFile, loginUrl, ticketUrl, profile,
                users, darkTheme, promptHistory, canaryPatterns, NetworkPrefs.defaults());
    }

    /** Settings with the default prompt marker formats and network preferences. */
    public AppSettings(String serverUrl, String authMode, String tokenMode, String algorithm, String secret,
                       boolean rememberSecret, String keyFile, String loginUrl, String ticketUrl, String profile,
                       List<UserSettings> users, boolean darkTheme, List<String> promptHistory) {
        this(serverUrl, authMode, tokenMode, algorithm, secret, rememberSecret, keyFile, loginUrl, ticketUrl, profile,
                users, darkTheme, promptHistory, DEFAULT_CANARY_PATTERNS, NetworkPrefs.defaults());
    }

    /** First-run settings: the embedded backend, alice and bob, the netra profile, light theme. */
    public static AppSettings defaults() {
        return new AppSettings("", "header", TOKEN_SECRET, "HS256", "", false, "", "", "", "netra",
                List.of(UserSettings.named("alice"), UserSettings.named("bob")), false, List.of());
    }

    /** True when the app should start and use its own reference backend. */
    public boolean embeddedBackend() {
        return serverUrl.isBlank();
    }

    /** The same settings with another theme. */
    public AppSettings withDarkTheme(boolean dark) {
        return new AppSettings(serverUrl, authMode, tokenMode, algorithm, secret, rememberSecret, keyFile, loginUrl,
                ticketUrl, profile, users, dark, promptHistory, canaryPatterns, network, legendHidden);
    }

    /** The same settings with the timeline's legend hidden or shown. */
    public AppSettings withLegendHidden(boolean hidden) {
        return new AppSettings(serverUrl, authMode, tokenMode, algorithm, secret, rememberSecret, keyFile, loginUrl,
                ticketUrl, profile, users, darkTheme, promptHistory, canaryPatterns, network, hidden);
    }

    /** The same settings with another prompt history. */
    public AppSettings withPromptHistory(List<String> history) {
        return new AppSettings(serverUrl, authMode, tokenMode, algorithm, secret, rememberSecret, keyFile, loginUrl,
                ticketUrl, profile, users, darkTheme, history, canaryPatterns, network, legendHidden);
    }

    /** The same settings with other network preferences. */
    public AppSettings withNetwork(NetworkPrefs prefs) {
        return new AppSettings(serverUrl, authMode, tokenMode, algorithm, secret, rememberSecret, keyFile, loginUrl,
                ticketUrl, profile, users, darkTheme, promptHistory, canaryPatterns, prefs, legendHidden);
    }

    /** What may be written to disk: the secret only when the user asked to remember it. */
    public AppSettings forDisk() {
        return rememberSecret ? this : new AppSettings(serverUrl, authMode, tokenMode, algorithm, "", false, keyFile,
                loginUrl, ticketUrl, profile, users, darkTheme, promptHistory, canaryPatterns, network, legendHidden);
    }

    /** The same settings with other prompt marker formats (each a valid pattern; see {@link #canaryProblem}). */
    public AppSettings withCanaryPatterns(List<String> patterns) {
        return new AppSettings(serverUrl, authMode, tokenMode, algorithm, secret, rememberSecret, keyFile, loginUrl,
                ticketUrl, profile, users, darkTheme, promptHistory, patterns, network, legendHidden);
    }

    /** The prompt marker formats as the analysis takes them; patterns that do not compile are left out. */
    public List<CanaryPattern> canaries() {
        List<CanaryPattern> result = new ArrayList<>();
        for (String regex : canaryPatterns) {
            if (canaryProblem(regex) == null) {
                result.add(new CanaryPattern(regex));
            }
        }
        return result;
    }

    /** Why a prompt marker pattern cannot be used, or null when it can (for a settings form to show). */
    public static String canaryProblem(String regex) {
        try {
            new CanaryPattern(regex);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String orDefault(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
