package dev.aei.ui.presenter;

import dev.aei.analysis.Severity;
import dev.aei.protocol.AgentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One user's card in the presenter view: what their agent is doing now, in plain words. The
 * state is kept in plain fields and reaches the properties the view binds to on {@link #publish()},
 * so a hidden presenter view costs no property events, icon changes or text layout. While the view
 * is hidden its words (headline, detail, phase) wait too; runs, steps and whether the run is over
 * are always current.
 */
public final class UserCard {
    private final String user;
    private final StringProperty headlineShown = new SimpleStringProperty();
    private final StringProperty detailShown = new SimpleStringProperty();
    private final ObjectProperty<AgentPhase> phaseShown = new SimpleObjectProperty<>();
    private final IntegerProperty stepsShown = new SimpleIntegerProperty();
    private final IntegerProperty leaksShown = new SimpleIntegerProperty();
    private final IntegerProperty runsShown = new SimpleIntegerProperty();
    private final StringProperty findingsShown = new SimpleStringProperty("");
    private final BooleanProperty alarmShown = new SimpleBooleanProperty();
    private final BooleanProperty runOverShown = new SimpleBooleanProperty();
    private String headline = "Waiting for a prompt";
    private String detail = "";
    private AgentPhase phase = AgentPhase.WAITING;
    private long runStartNanos = -1;
    private String runId;
    private boolean runOver;
    private int runs;
    private int steps;
    private int leaks;
    private int errors;
    private int warnings;
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

    /** What the agent is doing, as last put into words. */
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

    /** True once a leak or an error was found on this user's lane: the card is red whatever the agent does. */
    public boolean alarmed() {
        return leaks + errors > 0;
    }

    /** The findings above info in words, worst first: "1 leak caught · 2 errors · 6 warnings"; empty without. */
    public String findingsText() {
        List<String> parts = new ArrayList<>();
        if (leaks > 0) {
            parts.add(leaks == 1 ? "1 leak caught" : leaks + " leaks caught");
        }
        if (errors > 0) {
            parts.add(errors == 1 ? "1 error" : errors + " errors");
        }
        if (warnings > 0) {
            parts.add(warnings == 1 ? "1 warning" : warnings + " warnings");
        }
        return String.join(" · ", parts);
    }

    /** True when the current run has ended (completed or failed): its event count is final. */
    public boolean runOver() {
        return runOver;
    }

    /** The findings summary as last published. */
    public ReadOnlyStringProperty findingsProperty() {
        return findingsShown;
    }

    /** Whether the card is red (a leak or an error), as last published. */
    public ReadOnlyBooleanProperty alarmProperty() {
        return alarmShown;
    }

    /** Whether the current run has ended, as last published. */
    public ReadOnlyBooleanProperty runOverProperty() {
        return runOverShown;
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
        findingsShown.set(findingsText());
        alarmShown.set(alarmed());
        runOverShown.set(runOver);
    }

    void show(AgentPhase newPhase, String newHeadline, String newDetail) {
        phase = newPhase;
        headline = newHeadline;
        detail = newDetail == null ? "" : newDetail;
    }

    /** Passes the words to be shown through {@code clean} (which leaves prompt markers out). */
    void scrub(UnaryOperator<String> clean) {
        headline = clean.apply(headline);
        detail = clean.apply(detail);
    }

    long runStartNanos() {
        return runStartNanos;
    }

    /** Counts a new run ({@code id} may be null when the events carry none). */
    void startRun(long nanos, String id) {
        runStartNanos = nanos;
        runId = id;
        runOver = false;
        runs++;
        steps = 0;
        clientEnded = false;
        streamed.reset();
    }

    /** The current run completed or failed: later events of it no longer change what the card says. */
    void runEnded() {
        runOver = true;
    }

    /**
     * Whether an event is news of this agent's current run: not one of another run (a leak delivers
     * those), and not a late one of a run that is over (its error still is: it changes the outcome).
     */
    boolean belongsToCurrentRun(AgentEvent event) {
        if (runId != null && event.runId() != null && !Objects.equals(runId, event.runId())) {
            return false;
        }
        return !runOver || event.role() == dev.aei.protocol.EventRole.ERROR;
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

    /** Counts a finding above info raised on this lane. */
    void finding(Severity severity) {
        switch (severity) {
            case CRITICAL -> leaks++;
            case ERROR -> errors++;
            case WARNING -> warnings++;
            case INFO -> { }
        }
    }
}
