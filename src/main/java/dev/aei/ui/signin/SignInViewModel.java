package dev.aei.ui.signin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.auth.TestUser;
import dev.aei.auth.TokenClaims;
import dev.aei.protocol.ClientProfile;
import dev.aei.net.LaneState;
import dev.aei.protocol.ParserMessage;
import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.settings.UserSettings;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The sign-in panel's state and logic: where to connect, how to authenticate, which users, their states. */
public final class SignInViewModel {
    /** Auth modes offered, as in the settings file. */
    public static final List<String> AUTH_MODES = List.of("header", "subprotocol", "query", "ticket");
    /** Token sources offered. */
    public static final List<String> TOKEN_MODES =
            List.of(AppSettings.TOKEN_SECRET, AppSettings.TOKEN_KEY_FILE, AppSettings.TOKEN_LOGIN);
    /** Signing algorithms offered. */
    public static final List<String> ALGORITHMS = List.of("HS256", "RS256", "ES256");
    /** Shipped event profiles; a file path may be typed instead. */
    public static final List<String> PROFILES = List.of("netra", "ag-ui");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty authMode = new SimpleStringProperty("header");
    private final StringProperty tokenMode = new SimpleStringProperty(AppSettings.TOKEN_SECRET);
    private final StringProperty algorithm = new SimpleStringProperty("HS256");
    private final StringProperty secret = new SimpleStringProperty("");
    private final BooleanProperty rememberSecret = new SimpleBooleanProperty();
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringProperty loginUrl = new SimpleStringProperty("");
    private final StringProperty ticketUrl = new SimpleStringProperty("");
    private final StringProperty profile = new SimpleStringProperty("netra");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<UserRow> users =
            FXCollections.observableArrayList(row -> new Observable[] {row.stateProperty(), row.enabledProperty()});
    private final IntegerBinding connectedCount = Bindings.createIntegerBinding(
            () -> (int) users.stream().filter(u -> LaneStates.isConnected(u.state())).count(), users);
    /** The lanes of an opened file, listed instead of the test users while the file is shown. */
    private final ObservableList<UserRow> fileLanes = FXCollections.observableArrayList();
    private final ObjectProperty<ObservableList<UserRow>> shownUsers = new SimpleObjectProperty<>(users);
    private final IntegerBinding shownCount = Bindings.createIntegerBinding(
            () -> shownUsers.get().size(), shownUsers, users, fileLanes);
    private final Connections connections;

    public SignInViewModel(AppSettings settings, Connections connections) {
        this.connections = connections;
        load(settings);
    }

    private void load(AppSettings s) {
        serverUrl.set(s.serverUrl());
        authMode.set(s.authMode());
        tokenMode.set(s.tokenMode());
        algorithm.set(s.algorithm());
        secret.set(s.secret());
        rememberSecret.set(s.rememberSecret());
        keyFile.set(s.keyFile());
        loginUrl.set(s.loginUrl());
        ticketUrl.set(s.ticketUrl());
        profile.set(s.profile());
        users.setAll(s.users().stream().map(UserRow::new).toList());
    }

    /** The connection part of the settings on top of {@code base} (theme, history and network preferences are kept). */
    public AppSettings toSettings(AppSettings base) {
        return new AppSettings(serverUrl.get().trim(), authMode.get(), tokenMode.get(), algorithm.get(), secret.get(),
                rememberSecret.get(), keyFile.get().trim(), loginUrl.get().trim(), ticketUrl.get().trim(),
                profile.get().trim(),
                users.stream().map(UserRow::toSettings).toList(), base.darkTheme(), base.promptHistory(),
                base.canaryPatterns(), base.network(), base.legendHidden());
    }

    /**
     * Adds a user with no extra claims. Any text is an id (any script, spaces, emoji, {@code /});
     * only blank space around it is dropped. A blank or taken id is refused with a message.
     */
    public Optional<UserRow> addUser(String id) {
        String clean = id == null ? "" : id.strip();
        if (clean.isEmpty()) {
            message.set("A user id needs at least one character.");
            return Optional.empty();
        }
        if (row(clean).isPresent()) {
            message.set("There is already a user " + clean + ".");
            return Optional.empty();
        }
        UserRow row = new UserRow(UserSettings.named(clean));
        users.add(row);
        message.set("");
        return Optional.of(row);
    }

    /**
     * Opens another connection of the row's user, like a second browser tab: a row {@code alice #2}
     * (the next free number) with the same user and claims, placed after the user's other rows, and
     * signed in at once when the row it was opened from is connected. Each tab has its own socket and token.
     */
    public Optional<UserRow> openAnotherTab(UserRow of) {
        String user = of.userId();
        int number = 2;
        while (row(TestUser.laneName(user, number)).isPresent()) {
            number++;
        }
        UserRow tab = new UserRow(new UserSettings(TestUser.laneName(user, number), of.claimsJsonProperty().get(),
                true, user));
        int last = -1;
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).userId().equals(user)) {
                last = i;
            }
        }
        users.add(last + 1, tab);
        message.set("");
        if (LaneStates.isConnected(of.state()) || LaneStates.isBusy(of.state())) {
            connectOne(tab);
        }
        return Optional.of(tab);
    }

    /** Removes a user, closing its socket first. */
    public void removeUser(UserRow row) {
        if (!row.state().equals(LaneState.IDLE)) {
            connections.disconnect(row.id());
        }
        users.remove(row);
    }

    /** Sets a user's claims when the text is a JSON object; otherwise says why not and keeps the old ones. */
    public boolean editClaims(UserRow row, String json) {
        Optional<String> problem = claimsProblem(json);
        problem.ifPresentOrElse(message::set, () -> {
            row.claimsJsonProperty().set(json.trim());
            message.set("");
        });
        return problem.isEmpty();
    }

    /** Why a claims text is not usable, or empty when it is a JSON object. */
    public static Optional<String> claimsProblem(String json) {
        try {
            Object parsed = JSON.readValue(json == null ? "" : json, Object.class);
            return parsed instanceof Map ? Optional.empty() : Optional.of("Claims must be a JSON object, like {\"role\":\"admin\"}.");
        } catch (JsonProcessingException e) {
            return Optional.of("Claims are not valid JSON: " + ParserMessage.of(e));
        } catch (IOException e) {
            return Optional.of("Claims are not valid JSON.");
        }
    }

    /** Signs in every enabled user. */
    public void connectAll() {
        connect(users.stream().filter(UserRow::enabled).toList());
    }

    /** Signs in one user (enabled or not: the user asked for it). */
    public void connectOne(UserRow row) {
        connect(List.of(row));
    }

    private void connect(List<UserRow> rows) {
        if (rows.isEmpty()) {
            message.set("No user is enabled: tick at least one.");
            return;
        }
        if (tokenMode.get().equals(AppSettings.TOKEN_SECRET) && secret.get().isBlank() && !serverUrl.get().isBlank()) {
            message.set("Enter the secret the server signs tokens with.");
            return;
        }
        message.set("");
        if (connections.connect(toSettings(AppSettings.defaults()), rows.stream().map(SignInViewModel::toUser).toList())) {
            // at once, before the connection layer reports (its reports come later, on the FX thread)
            rows.forEach(r -> r.stateProperty().set(new LaneState(LaneState.Status.CONNECTING, 0, "")));
        }
    }

    /** Closes one user's socket. */
    public void disconnectOne(UserRow row) {
        connections.disconnect(row.id());
    }

    /** Closes every socket. */
    public void disconnectAll() {
        connections.disconnectAll();
    }

    /** Shows a state reported by the connection layer for a lane (on the FX thread). */
    public void applyState(String laneId, LaneState state) {
        row(laneId).ifPresent(r -> r.stateProperty().set(state));
    }

    /** The row of a lane id (a user id, or {@code alice #2} for another tab), compared exactly. */
    public Optional<UserRow> row(String laneId) {
        return users.stream().filter(u -> u.id().equals(laneId)).findFirst();
    }

    /** Lane ids of the rows (connections) that are connected now. */
    public List<String> connectedIds() {
        return users.stream().filter(u -> LaneStates.isConnected(u.state())).map(UserRow::id).toList();
    }

    /**
     * The claims a token for this user would carry with {@code userClaimsJson} as the user's own: the
     * event profile's defaults, the user's claims over them, and {@code sub}; or why that cannot be said.
     */
    public String effectiveClaims(String userId, String userClaimsJson) {
        if (AppSettings.TOKEN_LOGIN.equals(tokenMode.get())) {
            return "The login endpoint issues the tokens: its claims are its own.";
        }
        Optional<String> problem = claimsProblem(userClaimsJson);
        if (problem.isPresent()) {
            return problem.get();
        }
        try {
            Map<String, Object> own = JSON.readValue(userClaimsJson, new TypeReference<>() { });
            Map<String, Object> claims = new java.util.LinkedHashMap<>();
            claims.put("sub", userId);
            claims.putAll(new TokenClaims(ClientProfile.load(profile.get()).claims()).forUser(new TestUser(userId, own)));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(claims)
                    + "\n(iat, exp and jti are added when the token is made)";
        } catch (IOException | RuntimeException e) {
            return "The event profile's claims could not be read: " + e.getMessage();
        }
    }

    static TestUser toUser(UserRow row) {
        try {
            Map<String, Object> claims = JSON.readValue(row.claimsJsonProperty().get(), new TypeReference<>() { });
            return new TestUser(row.userId(), claims, row.id());
        } catch (IOException | RuntimeException e) { // null values are not allowed in claims
            return new TestUser(row.userId(), Map.of(), row.id());
        }
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty authModeProperty() {
        return authMode;
    }

    public StringProperty tokenModeProperty() {
        return tokenMode;
    }

    public StringProperty algorithmProperty() {
        return algorithm;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public BooleanProperty rememberSecretProperty() {
        return rememberSecret;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringProperty loginUrlProperty() {
        return loginUrl;
    }

    /** Where tickets are fetched in ticket mode; empty for {@code /ticket} on the server's host. */
    public StringProperty ticketUrlProperty() {
        return ticketUrl;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    /** The last problem or hint to show under the form, or empty. */
    public StringProperty messageProperty() {
        return message;
    }

    public ObservableList<UserRow> users() {
        return users;
    }

    /** Lists an opened file's lanes instead of the test users (who keep their settings meanwhile). */
    public void showFileLanes(List<String> laneIds) {
        fileLanes.setAll(laneIds.stream().map(id -> {
            UserRow row = new UserRow(UserSettings.named(id));
            row.stateProperty().set(LaneStates.FROM_FILE);
            return row;
        }).toList());
        shownUsers.set(fileLanes);
    }

    /** Lists the test users again: the live session is shown. */
    public void showTestUsers() {
        shownUsers.set(users);
        fileLanes.clear();
    }

    /** The rows the users table lists: the test users, or an opened file's lanes. */
    public ObjectProperty<ObservableList<UserRow>> shownUsersProperty() {
        return shownUsers;
    }

    /** How many rows the users table lists. */
    public IntegerBinding shownCount() {
        return shownCount;
    }

    /** True while the table lists a file's lanes (rows that cannot connect). */
    public boolean showsFile() {
        return shownUsers.get() == fileLanes;
    }

    /** How many users are connected now. */
    public IntegerBinding connectedCount() {
        return connectedCount;
    }
}
