package dev.aei.ui.settings;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;

/**
 * The settings dialog's state: the app-wide choices that are not part of signing in (theme and how
 * sockets behave). Changes apply at once; the network ones from the next connect.
 */
public final class SettingsViewModel {
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final IntegerProperty pingSeconds = new SimpleIntegerProperty();
    private final IntegerProperty maxFrameMiB = new SimpleIntegerProperty();
    private final BooleanProperty reconnect = new SimpleBooleanProperty();
    private final ObjectBinding<NetworkPrefs> network = Bindings.createObjectBinding(
            () -> new NetworkPrefs(pingSeconds.get(), maxFrameMiB.get(), reconnect.get()),
            pingSeconds, maxFrameMiB, reconnect);
    private final StringBinding pingHint = Bindings.createStringBinding(this::describePing, pingSeconds);

    public SettingsViewModel(AppSettings settings) {
        darkTheme.set(settings.darkTheme());
        show(settings.network());
    }

    /** The network preferences as the fields say now. */
    public NetworkPrefs network() {
        return network.get();
    }

    /** The network preferences; tells its listeners when any of them changes. */
    public ObservableValue<NetworkPrefs> networkProperty() {
        return network;
    }

    /** {@code base} with this dialog's choices. */
    public AppSettings applyTo(AppSettings base) {
        return base.withDarkTheme(darkTheme.get()).withNetwork(network());
    }

    /** Puts the network fields back to their defaults; the theme is left as it is. */
    public void restoreDefaults() {
        show(NetworkPrefs.defaults());
    }

    private void show(NetworkPrefs prefs) {
        pingSeconds.set(prefs.pingSeconds());
        maxFrameMiB.set(prefs.maxFrameMiB());
        reconnect.set(prefs.reconnect());
    }

    private String describePing() {
        int seconds = network().pingSeconds();
        return seconds == 0 ? "Idle sockets are never pinged, so a silently dropped connection goes unnoticed."
                : "Idle sockets are pinged every " + seconds + " s; one silent for " + (seconds * 3 + 1) / 2
                        + " s counts as lost.";
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** Seconds between pings of an idle socket; 0 never pings. */
    public IntegerProperty pingSecondsProperty() {
        return pingSeconds;
    }

    /** The frame size limit in MiB (1 to {@value NetworkPrefs#MAX_FRAME_MIB}). */
    public IntegerProperty maxFrameMiBProperty() {
        return maxFrameMiB;
    }

    /** Whether a dropped user reconnects by itself. */
    public BooleanProperty reconnectProperty() {
        return reconnect;
    }

    /** What the ping interval means, in a sentence for under the field. */
    public StringBinding pingHint() {
        return pingHint;
    }
}
