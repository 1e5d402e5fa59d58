package dev.aei.ui.presenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.capture.LaneEvent;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.CanaryPatterns;
import dev.aei.protocol.ClientContract;
import dev.aei.protocol.EventRole;
import dev.aei.protocol.TextCut;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The presenter view's state: one card per user saying what the agent is doing now, in words a
 * stakeholder understands, updated from the decoded events the feed delivers.
 */
public final class PresenterViewModel {
    private static final int MAX_TEXT = 90;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Set<EventRole> NARRATED = EnumSet.of(EventRole.STARTED, EventRole.THINKING,
            EventRole.TOOL_START, EventRole.TOOL_END, EventRole.COMPLETED, EventRole.ERROR);
    private final ObservableList<UserCard> cards = FXCollections.observableArrayList();
    /** The cards again by user, for the look-up every batch makes per lane. */
    private final Map<String, UserCard> byUser = new HashMap<>();
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);
    private final BooleanProperty asClient = new SimpleBooleanProperty(this, "asClient", false);
    private final Supplier<ClientContract> contract;
    private final Supplier<CanaryPatterns> markers;
    /** Per card, its newest event while it waits to be put into words (until the view shows). */
    private final Map<UserCard, Newest> unnarrated = new IdentityHashMap<>();
    /** Per card, the event its words tell now (none after a connection change took the card over). */
    private final Map<UserCard, Newest> told = new IdentityHashMap<>();

    /** A card's newest event, whether it streamed text, and the client contract it is told under. */
    private record Newest(AgentEvent event, boolean streamed, ClientContract client) {
    }

    /** A presenter that knows no client contract: "as the client sees it" changes nothing. */
    public PresenterViewModel() {
        this(() -> ClientContract.NONE);
    }

    /** {@code contract}: what the backend's own client reads (the event profile's contract). */
    public PresenterViewModel(Supplier<ClientContract> contract) {
        this(contract, () -> CanaryPatterns.DEFAULT);
    }

    /**
     * {@code markers}: the prompt marker formats in use (this tool's and those set in the settings),
     * left out of the cards' words since they mean nothing to an audience.
     */
    public PresenterViewModel(Supplier<ClientContract> contract, Supplier<CanaryPatterns> markers) {
        this.contract = contract;
        this.markers = markers;
        showing.addListener((o, was, now) -> {
            if (now) {
                cards.forEach(card -> {
                    narrate(card);
                    card.publish();
                });
            }
        });
        asClient.addListener((o, was, now) -> tellAgain());
    }

    /** Tells every card's current event again under the other reading, so the switch shows at once. */
    private void tellAgain() {
        ClientContract client = client();
        told.forEach((card, newest) -> unnarrated.putIfAbsent(card, new Newest(newest.event(), newest.streamed(), client)));
        unnarrated.replaceAll((card, newest) -> new Newest(newest.event(), newest.streamed(), client));
        if (showing.get()) {
            cards.forEach(card -> {
                narrate(card);
                card.publish();
            });
        }
    }

    /** The client contract the cards are told under: the backend client's, or none. */
    private ClientContract client() {
        return asClient.get() ? contract.get() : ClientContract.NONE;
    }

    /**
     * Whether the presenter view is on screen. While it is not, cards count runs and steps but
     * neither put their newest event into words nor publish, so a busy capture costs the hidden view
     * next to nothing; showing it narrates and publishes every card.
     */
    public BooleanProperty showingProperty() {
        return showing;
    }

    /**
     * Whether the cards tell events as the backend's own client would show them (its stand-ins for
     * fields it cannot find, "processing" until its end event) instead of what the backend sent.
     * Switching it tells every card's current event again.
     */
    public BooleanProperty asClientProperty() {
        return asClient;
    }

    private void publish(UserCard card) {
        if (showing.get()) {
            card.publish();
        }
    }

    /** Adds a card for a lane the first time it is seen. */
    public UserCard laneAdded(String user) {
        return byUser.computeIfAbsent(user, u -> {
            UserCard card = new UserCard(u);
            cards.add(card);
            return card;
        });
    }

    /** Tells the card of the event's lane what just happened. */
    public void accept(AgentEvent event) {
        acceptAll(event.lane(), List.of(event));
    }

    /**
     * Tells a lane's card what its agent did, oldest first. Every event counts towards the run's
     * steps, but only the newest is narrated: with events arriving faster than anyone can read,
     * narrating the ones in between would only cost time on the FX thread.
     */
    public void acceptAll(String lane, List<AgentEvent> events) {
        UserCard card = null;
        AgentEvent newest = null;
        boolean streamed = false;
        ClientContract known = contract.get();
        ClientContract client = client();
        for (AgentEvent event : events) {
            // the client's end of a run is tracked either way, so switching the reading later tells it right
            boolean endsForClient = known.endsRun(event.type());
            if (!NARRATED.contains(event.role()) && !endsForClient) {
                continue;
            }
            card = card == null ? laneAdded(lane) : card;
            if (event.role() == EventRole.STARTED) {
                card.startRun(event.nanos(), event.runId());
            } else if (!card.belongsToCurrentRun(event)) {
                continue; // a leaked event of another run, or a late one of a finished run: not this agent's news
            }
            if (endsForClient) {
                card.clientEnded(); // also when a later event of the batch is the one narrated
            }
            if (!NARRATED.contains(event.role()) && !client.endsRun(event.type())) {
                continue; // the client's own end event, while the cards tell what the backend sent
            }
            card.step();
            if (event.role() == EventRole.COMPLETED || event.role() == EventRole.ERROR) {
                card.runEnded();
            }
            streamed = card.streamed().accept(event);
            newest = event;
        }
        if (newest != null) {
            unnarrated.put(card, new Newest(newest, streamed, client));
            if (showing.get()) {
                narrate(card);
                card.publish();
            }
        }
    }

    /** Puts the card's newest event, if it has not been, into words. */
    private void narrate(UserCard card) {
        Newest newest = unnarrated.remove(card);
        if (newest == null) {
            return;
        }
        told.put(card, newest);
        AgentEvent event = newest.event();
        if (newest.streamed() && !newest.client().endsRun(event.type())) {
            card.show(AgentPhase.WORKING, card.streamed().headline(event, MAX_TEXT), ""); // as the client shows it too
        } else if (!ClientNarration.narrate(card, event, newest.client())) {
            narrate(card, event);
        }
        CanaryPatterns formats = markers.get();
        card.scrub(text -> PlainText.withoutMarkers(text, formats));
    }

    private static void narrate(UserCard card, AgentEvent event) {
        JsonNode body = event.body();
        switch (event.role()) {
            case STARTED -> card.show(AgentPhase.WORKING, "Starting " + orElse(text(body, "agent_name"), "the agent"),
                    clip(text(body, "message")));
            case THINKING -> card.show(AgentPhase.WORKING, "Thinking: " + clip(orElse(
                    text(body, "reasoning"), text(body, "message"), "…")), progress(body));
            case TOOL_START -> card.show(AgentPhase.TOOL, "Calling " + orElse(event.toolName(), "a tool"),
                    parameters(body));
            case TOOL_END -> card.show(AgentPhase.WORKING, orElse(event.toolName(), "Tool") + " returned",
                    text(body, "execution_time_ms") == null ? "" : "in " + text(body, "execution_time_ms") + " ms");
            case COMPLETED -> card.show(AgentPhase.DONE, "Done in " + seconds(card, event),
                    clip(orElse(text(body, "result"), text(body, "final_response"), card.streamed().lastWritten())));
            default -> card.show(AgentPhase.ERROR, "Error: " + clip(orElse(text(body, "error_message"),
                    text(body, "error"), event.type())), "");
        }
    }

    /** Shows connection trouble and recovery on the lane's card. */
    public void laneEvent(String user, LaneEvent event) {
        UserCard card = laneAdded(user);
        narrate(card); // what the agent did came first
        AgentPhase before = card.phase();
        switch (event.kind()) {
            case CONNECTED -> {
                if (card.phase() == AgentPhase.OFFLINE) {
                    card.show(AgentPhase.WAITING, "Waiting for a prompt", "connected");
                }
            }
            case FAILED -> card.show(AgentPhase.OFFLINE, "Could not sign in",
                    (event.code() > 0 ? event.code() + " " : "") + orElse(event.detail(), ""));
            case CLOSED -> card.show(AgentPhase.OFFLINE, "Disconnected",
                    "close code " + event.code() + (event.detail() == null ? "" : " " + event.detail()));
            default -> {
                // connecting and reconnecting are too brief to narrate
            }
        }
        if (card.phase() != before || before == AgentPhase.OFFLINE) {
            told.remove(card); // the card tells the connection now, whichever reading is switched on
        }
        publish(card);
    }

    /**
     * Counts a finding against the lane that received it, so the card sums them up; a leak or an error
     * turns the card red. Info notes (a reconnect) are left out.
     */
    public void finding(Finding finding) {
        if (finding.severity() != Severity.INFO) {
            UserCard card = laneAdded(finding.lane());
            card.finding(finding.severity());
            publish(card);
        }
    }

    /** Forgets every card (another session is shown now). */
    public void clear() {
        cards.clear();
        byUser.clear();
        unnarrated.clear();
        told.clear();
    }

    public ObservableList<UserCard> cards() {
        return cards;
    }

    /** The card of a user, if there is one. */
    public Optional<UserCard> card(String user) {
        return Optional.ofNullable(byUser.get(user));
    }

    private static String seconds(UserCard card, AgentEvent event) {
        String ms = text(event.body(), "execution_time_ms");
        double secs;
        if (ms != null && ms.matches("\\d+(\\.\\d+)?")) {
            secs = Double.parseDouble(ms) / 1000.0;
        } else if (card.runStartNanos() >= 0) {
            secs = (event.nanos() - card.runStartNanos()) / 1e9;
        } else {
            return "—";
        }
        return String.format(Locale.ROOT, "%.1f s", secs);
    }

    private static String progress(JsonNode body) {
        String step = text(body, "step_number");
        String pct = text(body, "progress_percentage");
        if (step == null && pct == null) {
            return "";
        }
        return (step == null ? "" : "step " + step) + (step != null && pct != null ? " · " : "")
                + (pct == null ? "" : pct + "%");
    }

    private static String parameters(JsonNode body) {
        JsonNode params = find(body, "parameters");
        return params == null ? "" : clip(PlainText.pairs(params));
    }

    /**
     * A field's readable text (never JSON, never a prompt marker) looked up at the root, then in
     * {@code data}, then in {@code payload} (the netra order).
     */
    private static String text(JsonNode body, String field) {
        return PlainText.of(find(body, field));
    }

    private static JsonNode find(JsonNode body, String field) {
        if (body == null) {
            return null;
        }
        for (JsonNode scope : new JsonNode[] {body, body.get("data"), body.get("payload")}) {
            if (scope != null && scope.has(field)) {
                return scope.get(field);
            }
        }
        return null;
    }

    private static String clip(String s) {
        String flat = s == null ? "" : SPACES.matcher(s).replaceAll(" ").strip();
        return TextCut.shorten(flat, MAX_TEXT);
    }

    private static String orElse(String... options) {
        for (String o : options) {
            if (o != null && !o.isBlank()) {
                return o;
            }
        }
        return "";
    }
}
