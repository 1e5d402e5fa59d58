package dev.aei.ui.faults;

import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fault injection panel (embedded backend only): builds a fault rule for a user's run and
 * hands the whole plan to the live backend. The run defaults to the user's next one and moves on as
 * runs start; a one-shot rule whose run has started moves from the armed list to the fired one.
 */
public final class FaultsViewModel {
    /** The event types a fault can target (the five critical agent events). */
    public static final List<String> EVENTS =
            List.of("agent_started", "agent_thinking", "tool_executing", "tool_completed", "agent_completed");
    /** The one-click scenario's users: its leak goes from this user… */
    public static final String DEMO_FROM = "bob";
    /** …to this one. */
    public static final String DEMO_TO = "alice";
    /** What the one-click scenario button says it does, prompt included. */
    public static final String DEMO_TITLE = "Leak " + DEMO_FROM + " → " + DEMO_TO + " (sends a prompt as " + DEMO_FROM + ")";
    /** The longer explanation under it. */
    public static final String DEMO_EXPLAINED = "Arms a leak of " + DEMO_FROM + "'s next run (its first thought also "
            + "goes to " + DEMO_TO + "), then sends a prompt as " + DEMO_FROM + " only, so the leak shows at once.";

    private final ObservableList<String> users = FXCollections.observableArrayList();
    private final ObjectProperty<String> user = new SimpleObjectProperty<>();
    private final IntegerProperty run = new SimpleIntegerProperty(1);
    private final ObjectProperty<String> event = new SimpleObjectProperty<>("agent_thinking");
    private final ObjectProperty<FaultType> fault = new SimpleObjectProperty<>(FaultType.LEAK);
    private final ObjectProperty<String> to = new SimpleObjectProperty<>();
    private final LongProperty ms = new SimpleLongProperty(2000);
    private final ObservableList<FaultRule> active = FXCollections.observableArrayList();
    private final ObservableList<FaultRule> fired = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final ToIntFunction<String> runsSoFar;
    private final Consumer<List<FaultRule>> backend;
    private final Executor background;

    /**
     * @param runsSoFar  how many runs a user has started so far
     * @param backend    installs a fault plan on the live backend (may block)
     * @param background runs the install off the FX thread
     */
    public FaultsViewModel(ToIntFunction<String> runsSoFar, Consumer<List<FaultRule>> backend, Executor background) {
        this.runsSoFar = runsSoFar;
        this.backend = backend;
        this.background = background;
        user.addListener((o, a, b) -> refreshRun());
    }

    /**
     * Keeps the user choices in step with the users known to the app; the form starts out as the
     * one-click scenario does ({@value #DEMO_FROM} → {@value #DEMO_TO}) when both are there.
     */
    public void setUsers(List<String> ids) {
        users.setAll(ids);
        if (user.get() == null || !ids.contains(user.get())) {
            user.set(ids.isEmpty() ? null : ids.contains(DEMO_FROM) && ids.contains(DEMO_TO) ? DEMO_FROM : ids.get(0));
        }
        if (to.get() == null || !ids.contains(to.get()) || to.get().equals(user.get())) {
            to.set(ids.contains(DEMO_TO) && !DEMO_TO.equals(user.get()) ? DEMO_TO
                    : ids.stream().filter(id -> !id.equals(user.get())).findFirst().orElse(null));
        }
    }

    /** Points the run field at the chosen user's next run. */
    public void refreshRun() {
        run.set(user.get() == null ? 1 : runsSoFar.applyAsInt(user.get()) + 1);
    }

    /**
     * Runs were started: the run field moves on when it names a run that already started (a later one
     * the user typed stays), and one-shot rules whose run has started move to the fired list.
     */
    public void runsChanged() {
        if (user.get() != null && run.get() <= runsSoFar.applyAsInt(user.get())) {
            refreshRun();
        }
        List<FaultRule> done = active.stream().filter(this::hasFired).toList();
        if (!done.isEmpty()) {
            active.removeAll(done);
            fired.addAll(done);
            // The line under the form said "Armed: …" of a rule that is no longer waiting.
            message.set("Fired: " + String.join(", ", done.stream().map(FaultsViewModel::describe).toList()));
        }
    }

    /** A rule for one run of one user fired once that run started; rules for every run never do. */
    private boolean hasFired(FaultRule rule) {
        return rule.run() > 0 && rule.fault() != FaultType.DEMO_IDENTITY && !"*".equals(rule.user())
                && runsSoFar.applyAsInt(rule.user()) >= rule.run();
    }

    /** True when the chosen fault acts on a whole run, so the event field does not apply. */
    public boolean runWide() {
        return fault.get() != null && fault.get().runWide();
    }

    /** True when the chosen fault needs a victim user. */
    public boolean needsVictim() {
        return fault.get() == FaultType.LEAK || fault.get() == FaultType.LEAK_RELABEL;
    }

    /** Adds the rule described by the form to the plan and installs it. */
    public boolean apply() {
        if (user.get() == null) {
            message.set("Choose a user first.");
            return false;
        }
        if (needsVictim() && (to.get() == null || to.get().equals(user.get()))) {
            message.set("A leak needs another user to leak to.");
            return false;
        }
        FaultRule rule = new FaultRule(user.get(), Math.max(1, run.get()), runWide() ? null : event.get(), fault.get(),
                needsVictim() ? to.get() : null, fault.get() == FaultType.DELAY ? ms.get() : 0);
        active.add(rule);
        message.set("Armed: " + describe(rule));
        install();
        return true;
    }

    /** The demo action: {@code from}'s next run leaks its thinking to {@code victim}; completes once armed. */
    public CompletableFuture<FaultRule> armLeakDemo(String from, String victim) {
        FaultRule rule = new FaultRule(from, runsSoFar.applyAsInt(from) + 1, "agent_thinking", FaultType.LEAK, victim, 0);
        active.add(rule);
        message.set("Armed: " + describe(rule));
        return install().thenApply(v -> rule);
    }

    /** Removes one rule from the plan. */
    public void remove(FaultRule rule) {
        active.remove(rule);
        install();
    }

    /** Removes every rule. */
    public void clear() {
        active.clear();
        fired.clear();
        message.set("No faults armed.");
        install();
    }

    /**
     * Hands the plan to the backend in the background; completes when it is in force. Fired rules stay
     * in it: their run may still be going, and a run that is over never comes again.
     */
    private CompletableFuture<Void> install() {
        List<FaultRule> plan = new ArrayList<>(fired);
        plan.addAll(active);
        return CompletableFuture.runAsync(() -> backend.accept(plan), background);
    }

    /** A rule in words: "bob run 2 · agent_thinking · leak → alice". */
    public static String describe(FaultRule rule) {
        String victim = rule.to() == null ? "" : " → " + rule.to();
        String delay = rule.fault() == FaultType.DELAY ? " " + rule.ms() + " ms" : "";
        if (rule.fault() == FaultType.DEMO_IDENTITY) {
            return rule.user() + " · " + rule.fault().label();
        }
        if (rule.fault().runWide() || rule.event() == null) {
            return rule.user() + " run " + rule.run() + " · " + rule.fault().label();
        }
        return rule.user() + " run " + rule.run() + " · " + rule.event() + " · " + rule.fault().label() + victim + delay;
    }

    /** What a fault does, in a few words for the panel. */
    public static String explain(FaultType type) {
        return switch (type) {
            case DROP -> "Leave the event out (its seq is still used).";
            case DUPLICATE -> "Send the event twice with the same seq.";
            case REORDER -> "Swap the event with the next one.";
            case SEQ_SKIP -> "Make seq jump by 5 before the event.";
            case LEAK -> "Also deliver the event to another user.";
            case LEAK_RELABEL -> "Deliver the event to another user as if it were theirs.";
            case AFTER_COMPLETE -> "One more thought 20 ms after the run completed.";
            case MALFORMED -> "Send the event as truncated JSON.";
            case BINARY -> "Send the event as a binary frame.";
            case DELAY -> "Wait before sending the event.";
            case CLOSE_ABRUPT -> "Drop the connection without a close frame.";
            case NO_COMPLETE -> "Never complete the run.";
            case RETRY_DUPLICATE -> "Send the event again with attempt 2.";
            case DEMO_IDENTITY -> "Report the shared demo-user-001 for this user's connections.";
            case STALL -> "Go silent (no frames, no pongs) but keep the socket open.";
            case IGNORE_PROMPT -> "Accept the prompt silently and start no run.";
            case ERROR_CLOSE -> "Instead of the run: an error_message, then close 1000 \"main cleanup\".";
            case EXECUTION_IDS -> "Run ids like execution_<n>_<8 hex>, holding no thread.";
            case WEB_CLIENT_SHAPE -> "Fields where the web client reads them, and a final_report before completing.";
            case BRIDGE_SHAPE -> "Fields where the real backend's bridge puts them (tool_name at the root).";
        };
    }

    public ObservableList<String> users() {
        return users;
    }

    public ObjectProperty<String> userProperty() {
        return user;
    }

    public IntegerProperty runProperty() {
        return run;
    }

    public ObjectProperty<String> eventProperty() {
        return event;
    }

    public ObjectProperty<FaultType> faultProperty() {
        return fault;
    }

    public ObjectProperty<String> toProperty() {
        return to;
    }

    public LongProperty msProperty() {
        return ms;
    }

    /** The rules still waiting for their run, in the order they were armed. */
    public ObservableList<FaultRule> active() {
        return active;
    }

    /** The one-shot rules whose run has started, oldest first. */
    public ObservableList<FaultRule> fired() {
        return fired;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
