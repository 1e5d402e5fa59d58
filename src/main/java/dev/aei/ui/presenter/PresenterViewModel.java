package dev.aei.ui.presenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.capture.LaneEvent;
import dev.aei.protocol.AgentEvent;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The presenter view's state: one card per user saying what the agent is doing now, in words a
 * stakeholder understands, updated from the decoded events the feed delivers.
 */
public final class PresenterViewModel {
    private static final int MAX_TEXT = 90;
    private final ObservableList<UserCard> cards = FXCollections.observableArrayList();

    /** Adds a card for a lane the first time it is seen. */
    public UserCard laneAdded(String user) {
        return card(user).orElseGet(() -> {
            UserCard card = new UserCard(user);
            cards.add(card);
            return card;
        });
    }

    /** Tells the card of the event's lane what just happened. */
    public void accept(AgentEvent event) {
        if (event.role() == null) {
            return;
        }
        UserCard card = laneAdded(event.lane());
        switch (event.role()) {
            case STARTED -> {
                card.startRun(event.nanos());
                card.show(AgentPhase.WORKING, "Starting " + orElse(text(event.body(), "agent_name"), "the agent"),
                        text(event.body(), "message"));
            }
            case THINKING -> card.show(AgentPhase.WORKING, "Thinking: " + clip(orElse(
                    text(event.body(), "reasoning"), text(event.body(), "message"), "…")), progress(event.body()));
            case TOOL_START -> card.show(AgentPhase.TOOL, "Calling " + orElse(event.toolName(), "a tool"),
                    parameters(event.body()));
            case TOOL_END -> card.show(AgentPhase.WORKING, orElse(event.toolName(), "Tool") + " returned",
                    text(event.body(), "execution_time_ms") == null ? ""
                            : "in " + text(event.body(), "execution_time_ms") + " ms");
            case COMPLETED -> card.show(AgentPhase.DONE, "Done in " + seconds(card, event),
                    clip(orElse(text(event.body(), "result"), text(event.body(), "final_response"), "")));
            case ERROR -> card.show(AgentPhase.ERROR, "Error: " + clip(orElse(text(event.body(), "error_message"),
                    text(event.body(), "error"), event.type())), "");
            default -> {
                return;
            }
        }
        card.stepsProperty().set(card.stepsProperty().get() + 1);
    }

    /** Shows connection trouble and recovery on the lane's card. */
    public void laneEvent(String user, LaneEvent event) {
        UserCard card = laneAdded(user);
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
    }

    /** Counts leaks against the lane that received them, so the card can show them. */
    public void finding(Finding finding) {
        if (finding.severity() == Severity.CRITICAL) {
            UserCard card = laneAdded(finding.lane());
            card.leaksProperty().set(card.leaksProperty().get() + 1);
        }
    }

    /** Forgets every card (another session is shown now). */
    public void clear() {
        cards.clear();
    }

    public ObservableList<UserCard> cards() {
        return cards;
    }

    /** The card of a user, if there is one. */
    public Optional<UserCard> card(String user) {
        return cards.stream().filter(c -> c.user().equals(user)).findFirst();
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
        return params == null ? "" : clip(params.toString());
    }

    /** A field's text looked up at the root, then in {@code data}, then in {@code payload} (the netra order). */
    private static String text(JsonNode body, String field) {
        JsonNode node = find(body, field);
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
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
        String flat = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_TEXT ? flat : flat.substring(0, MAX_TEXT - 1) + "…";
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
