package dev.aei.ui.presenter;

import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.ClientContract;
import dev.aei.protocol.FieldReading;
import java.util.List;

/**
 * The presenter's words as the backend's own client would put them: only what the client reads,
 * where it reads it (its stand-ins for missing fields included), and a run that is over only once
 * the client's end event came. Events its contract says nothing about keep the usual words.
 */
final class ClientNarration {
    private ClientNarration() {
    }

    /** True when the client's view was shown on the card; false leaves the event to the usual words. */
    static boolean narrate(UserCard card, AgentEvent event, ClientContract contract) {
        if (contract.endsRun(event.type())) {
            card.show(AgentPhase.DONE, "Done", first(contract, event, "the client stopped at " + event.type()));
            return true;
        }
        String shown = first(contract, event, null);
        switch (event.role()) {
            case THINKING -> {
                if (shown == null) {
                    return false;
                }
                card.show(AgentPhase.WORKING, "Thinking: " + shown, "");
            }
            case TOOL_START -> {
                if (shown == null) {
                    return false;
                }
                card.show(AgentPhase.TOOL, "Calling " + shown, "");
            }
            case TOOL_END -> {
                if (shown == null) {
                    return false;
                }
                card.show(AgentPhase.WORKING, shown + " returned", "");
            }
            case COMPLETED, ERROR -> {
                if (contract.endTypes().isEmpty() || card.hasClientEnded()) {
                    return false;
                }
                String waiting = contract.waiting() == null ? "Still working…" : contract.waiting();
                card.show(AgentPhase.WORKING, waiting, contract.client() + " has had no " + contract.endText()
                        + " (the backend sent " + event.type() + ")");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** What the client displays for the first field it reads of this event, or {@code none}. */
    private static String first(ClientContract contract, AgentEvent event, String none) {
        List<FieldReading> read = contract.read(event.type(), event.body());
        return read.isEmpty() ? none : read.get(0).shown();
    }
}
