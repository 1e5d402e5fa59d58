package dev.aei.loadtest;

import dev.aei.protocol.TicketExchange;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generated simulation plays, read from a recording: where and how to connect, how the
 * backend's frames are read, and per recorded user what it sent and which run each message started.
 *
 * @param profileName the event profile the frames are read with
 * @param wire        where the fields of a frame sit and which types are run steps
 * @param authMode    header, subprotocol, query or ticket
 * @param ticket      the ticket exchange (used in ticket mode)
 * @param server      the WebSocket URL, without any token or ticket in it
 * @param ticketUrl   where tickets are fetched by default, or null
 * @param lanes       the recorded users, in recording order
 * @param notes       what the export could not carry over as recorded, for the person exporting
 */
public record LoadScript(String profileName, Wire wire, String authMode, TicketExchange ticket, String server,
                         String ticketUrl, List<Lane> lanes, List<String> notes) {

    public LoadScript {
        lanes = List.copyOf(lanes);
        notes = List.copyOf(notes);
    }

    /**
     * How the backend's frames are read, from the event profile.
     *
     * @param type         the paths of the event type
     * @param user         the paths of the user an event is for
     * @param run          the paths of the run id
     * @param tool         the paths of the tool name
     * @param stepRoles    event types that are steps of a run, mapped to started, thinking,
     *                     tool-start, tool-end, completed or error
     * @param replies      automatic answers (JSON) by the type of the server frame they answer
     * @param canaryPrefix how every canary starts
     */
    public record Wire(List<String> type, List<String> user, List<String> run, List<String> tool,
                       Map<String, String> stepRoles, Map<String, String> replies, String canaryPrefix) {
        public Wire {
            type = List.copyOf(type);
            user = List.copyOf(user);
            run = List.copyOf(run);
            tool = List.copyOf(tool);
            stepRoles = Collections.unmodifiableMap(new LinkedHashMap<>(stepRoles));
            replies = Collections.unmodifiableMap(new LinkedHashMap<>(replies));
        }
    }

    /**
     * One recorded user.
     *
     * @param id        the recorded id; virtual users are {@code <id>-<n>}
     * @param claims    the claims of its tokens besides sub, iat, exp and jti; {@code ${user_id}}
     *                  stands for the virtual user
     * @param readyType the event to wait for after connecting, or null to send at once
     * @param messages  what it sent, in order
     */
    public record Lane(String id, Map<String, Object> claims, String readyType, List<Message> messages) {
        public Lane {
            claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
            messages = List.copyOf(messages);
        }

        /** How many threads its messages use. */
        public int threads() {
            return messages.stream().mapToInt(m -> m.thread() + 1).max().orElse(0);
        }
    }

    /**
     * One recorded client message.
     *
     * @param name     its request name in the report (its type)
     * @param template the JSON sent; {@code ${canary}}, {@code ${thread_id}}, {@code ${user_id}}
     *                 and {@code ${epoch_ms}} are filled per virtual user
     * @param thread   which of the user's threads it belongs to (0-based)
     * @param steps    the run it started, as recorded; empty when it started none
     */
    public record Message(String name, String template, int thread, List<Step> steps) {
        public Message {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One event of a run, as the report names it.
     *
     * @param name its request name: the type, and the tool for tool events
     * @param role started, thinking, tool-start, tool-end, completed or error
     * @param tool the tool named, for tool events; else null
     */
    public record Step(String name, String role, String tool) {
    }
}
