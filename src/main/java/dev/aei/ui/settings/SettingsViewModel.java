package dev.aei.ui.settings;

import dev.aei.protocol.CanaryPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The settings dialog's state: the app-wide choices that are not part of signing in (theme, how
 * sockets behave, which prompt markers the analysis knows). Changes apply at once; the network and
 * marker ones from the next connect (and markers to files opened after).
 */
public final class SettingsViewModel {
    private static final String OURS = CanaryPattern.OURS.regex();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final IntegerProperty pingSeconds = new SimpleIntegerProperty();
    private final IntegerProperty maxFrameMiB = new SimpleIntegerProperty();
    private final BooleanProperty reconnect = new SimpleBooleanProperty();
    private final ObjectBinding<NetworkPrefs> network = Bindings.createObjectBinding(
            () -> new NetworkPrefs(pingSeconds.get(), maxFrameMiB.get(), reconnect.get()),
            pingSeconds, maxFrameMiB, reconnect);
    private final StringBinding pingHint = Bindings.createStringBinding(this::describePing, pingSeconds);
    /** Other tools' prompt marker formats, one regular expression a line; this tool's own are implied. */
    private final StringProperty canaryText = new SimpleStringProperty("");
    private final ObjectBinding<List<String>> canaryPatterns = Bindings.createObjectBinding(
            this::readCanaries, canaryText);
    private final StringBinding canaryProblems = Bindings.createStringBinding(this::describeProblems, canaryText);

    public SettingsViewModel(AppSettings settings) {
        darkTheme.set(settings.darkTheme());
        show(settings.network());
        canaryText.set(settings.canaryPatterns().stream().filter(p -> !p.equals(OURS))
                .collect(Collectors.joining("\n")));
    }

    /** Calls {@code action} whenever a choice that is saved with the settings changes (the theme is saved apart). */
    public void onChange(Runnable action) {
        network.addListener((o, was, now) -> action.run());
        canaryPatterns.addListener((o, was, now) -> action.run());
    }

    /**
     * The prompt marker formats the analysis checks: this tool's own, then each typed line that is a
     * usable pattern (lines with a problem are left out until they are fixed).
     */
    public List<String> canaryPatterns() {
        return canaryPatterns.get();
    }

    private List<String> readCanaries() {
        List<String> patterns = new ArrayList<>(List.of(OURS));
        lines().filter(line -> AppSettings.canaryProblem(line) == null && !patterns.contains(line))
                .forEach(patterns::add);
        return List.copyOf(patterns);
    }

    private String describeProblems() {
        return lines().map(AppSettings::canaryProblem).filter(Objects::nonNull)
                .map(problem -> problem + "; left out until fixed.").collect(Collectors.joining("\n"));
    }

    private Stream<String> lines() {
        return canaryText.get().lines().map(String::strip).filter(line -> !line.isEmpty());
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
        return base.withDarkTheme(darkTheme.get()).withNetwork(network()).withCanaryPatterns(canaryPatterns());
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

    /** Other tools' prompt marker formats as typed, one a line. */
    public StringProperty canaryTextProperty() {
        return canaryText;
    }

    /** Why typed marker formats cannot be used, one a line; empty when every line is usable. */
    public StringBinding canaryProblems() {
        return canaryProblems;
    }

    /** What the ping interval means, in a sentence for under the field. */
    public StringBinding pingHint() {
        return pingHint;
    }
}
