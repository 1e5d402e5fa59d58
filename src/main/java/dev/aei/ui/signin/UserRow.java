package dev.aei.ui.signin;

import dev.aei.net.LaneState;
import dev.aei.ui.settings.UserSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One test user in the sign-in table: id, claims, enabled, and the connection state it is in. */
public final class UserRow {
    private final StringProperty id = new SimpleStringProperty();
    private final StringProperty claimsJson = new SimpleStringProperty("{}");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final ObjectProperty<LaneState> state = new SimpleObjectProperty<>(LaneState.IDLE);

    public UserRow(UserSettings user) {
        id.set(user.id());
        claimsJson.set(user.claimsJson());
        enabled.set(user.enabled());
    }

    public StringProperty idProperty() {
        return id;
    }

    public String id() {
        return id.get();
    }

    public StringProperty claimsJsonProperty() {
        return claimsJson;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public boolean enabled() {
        return enabled.get();
    }

    public ObjectProperty<LaneState> stateProperty() {
        return state;
    }

    public LaneState state() {
        return state.get();
    }

    /** The row as it is saved. */
    public UserSettings toSettings() {
        return new UserSettings(id.get(), claimsJson.get(), enabled.get());
    }
}
