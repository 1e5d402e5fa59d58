package dev.aei.ui.presenter;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One user's card in the presenter view: what their agent is doing now, in plain words. The
 * state is kept in plain fields and reaches the properties the view binds to on {@link #publish()},
 * so a hidden presenter view costs no property events, icon changes or text layout.
 */
public final class UserCard {
    private final String user;
    private final StringProperty headlineShown = new SimpleStringProperty();
    private final StringProperty detailShown = new SimpleStringProperty();
    private final ObjectProperty<AgentPhase> phaseShown = new SimpleObjectProperty<>();
    private final IntegerProperty stepsShown = new SimpleIntegerProperty();
    private final IntegerProperty leaksShown = new SimpleIntegerProperty();
    private final IntegerProperty runsShown = new SimpleIntegerProperty();
    private String headline = "Waiting for a prompt";
    private String detail = "";
    private AgentPhase phase = AgentPhase.WAITING;
    private long runStartNanos = -1;
    private int runs;
    private int steps;
    private int leaks;
    private boolean clientEnded;
    private final StreamedText streamed = new StreamedText();

    public UserCard(String user) {
        this.user = user;
        publish();
    }

    public String user() {
        return user;
    }

    /** The big line: "Thinking: …", "Calling search_docs", "Done in 2.3 s". */
    public String headline() {
        return headline;
    }

    /** A smaller second line with more context. */
    public String detail() {
        return detail;
    }

    public AgentPhase phase() {
        return phase;
    }

    /** Events seen in the current run. */
    public int steps() {
        return steps;
    }

    /** Runs started on this lane so far. */
    public int runs() {
        return runs;
    }

    /** Critical findings (leaks) raised on this user's lane. */
    public int leaks() {
        return leaks;
    }

    /** The headline as last published. */
    public ReadOnlyStringProperty headlineProperty() {
        return headlineShown;
    }

    /** The detail line as last published. */
    public ReadOnlyStringProperty detailProperty() {
        return detailShown;
    }

    /** The phase as last published. */
    public ReadOnlyObjectProperty<AgentPhase> phaseProperty() {
        return phaseShown;
    }

    /** The step count as last published. */
    public ReadOnlyIntegerProperty stepsProperty() {
        return stepsShown;
    }

    /** The run count as last published. */
    public ReadOnlyIntegerProperty runsProperty() {
        return runsShown;
    }

    /** The leak count as last published. */
    public ReadOnlyIntegerProperty leaksProperty() {
        return leaksShown;
    }

    /** Copies the current state into the properties; unchanged values fire nothing. */
    void publish() {
        phaseShown.set(phase);
        headlineShown.set(headline);
        detailShown.set(detail);
        runsShown.set(runs);
        stepsShown.set(steps);
        leaksShown.set(leaks);
    }

    void show(AgentPhase newPhase, String newHeadline, String newDetail) {
        phase = newPhase;
        headline = newHeadline;
        detail = newDetail == null ? "" : newDetail;
    }

    long runStartNanos() {
        return runStartNanos;
    }

    /** Counts a new run. */
    void startRun(long nanos) {
        runStartNanos = nanos;
        runs++;
        steps = 0;
        clientEnded = false;
    }

    /** The backend's own client has seen the event that ends the current run for it. */
    void clientEnded() {
        clientEnded = true;
    }

    boolean hasClientEnded() {
        return clientEnded;
    }

    /** Counts one event of the current run. */
    /** The text the lane's run is streaming (deltas joined). */
    StreamedText streamed() {
        return streamed;
    }

    void step() {
        steps++;
    }

    /** Counts one leak caught on this lane. */
    void leak() {
        leaks++;
    }
}
