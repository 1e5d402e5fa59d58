package dev.aei.ui.signin;

import dev.aei.net.LaneState;
import dev.aei.ui.settings.UserSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the sign-in table, which is one connection: the id it is shown and addressed by (the
 * lane id: the user id, or {@code alice #2} for another tab of a user), the user it signs in as,
 * claims, enabled, and the connection state it is in.
 */
public final class UserRow {
    private final StringProperty id = new SimpleStringProperty();
    private final String userId;
    private final StringProperty claimsJson = new SimpleStringProperty("{}");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final ObjectProperty<LaneState> state = new SimpleObjectProperty<>(LaneState.IDLE);

    public UserRow(UserSettings user) {
        id.set(user.id());
        userId = user.userId();
        claimsJson.set(user.claimsJson());
        enabled.set(user.enabled());
    }

    public StringProperty idProperty() {
        return id;
    }

    public String id() {
        return id.get();
    }

    /** The user this row signs in as (the JWT {@code sub}); the id itself unless the row is another tab. */
    public String userId() {
        return userId;
    }

    /** True when the row is another connection (tab) of a user that has a row of its own. */
    public boolean isExtraTab() {
        return !userId.equals(id.get());
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
        return new UserSettings(id.get(), claimsJson.get(), enabled.get(), userId);
    }
}
