package dev.aei.ui.presenter;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One user's card in the presenter view: what their agent is doing now, in plain words. */
public final class UserCard {
    private final String user;
    private final StringProperty headline = new SimpleStringProperty("Waiting for a prompt");
    private final StringProperty detail = new SimpleStringProperty("");
    private final ObjectProperty<AgentPhase> phase = new SimpleObjectProperty<>(AgentPhase.WAITING);
    private final IntegerProperty steps = new SimpleIntegerProperty();
    private final IntegerProperty leaks = new SimpleIntegerProperty();
    private final IntegerProperty runs = new SimpleIntegerProperty();
    private long runStartNanos = -1;

    public UserCard(String user) {
        this.user = user;
    }

    public String user() {
        return user;
    }

    /** The big line: "Thinking: …", "Calling search_docs", "Done in 2.3 s". */
    public StringProperty headlineProperty() {
        return headline;
    }

    public String headline() {
        return headline.get();
    }

    /** A smaller second line with more context. */
    public StringProperty detailProperty() {
        return detail;
    }

    public ObjectProperty<AgentPhase> phaseProperty() {
        return phase;
    }

    public AgentPhase phase() {
        return phase.get();
    }

    /** Events seen in the current run. */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** Runs started on this lane so far. */
    public IntegerProperty runsProperty() {
        return runs;
    }

    /** Critical findings (leaks) raised on this user's lane. */
    public IntegerProperty leaksProperty() {
        return leaks;
    }

    void show(AgentPhase newPhase, String newHeadline, String newDetail) {
        phase.set(newPhase);
        headline.set(newHeadline);
        detail.set(newDetail == null ? "" : newDetail);
    }

    long runStartNanos() {
        return runStartNanos;
    }

    void startRun(long nanos) {
        runStartNanos = nanos;
        steps.set(0);
        runs.set(runs.get() + 1);
    }
}
