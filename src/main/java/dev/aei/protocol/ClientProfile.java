package dev.aei.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a backend's own client talks to it, as profile data (the profile's {@code client} section):
 * default token claims, the ticket exchange, the messages a prompt becomes, whether to wait for a
 * ready event, and the automatic replies and pings. Keys a profile leaves out keep the behaviour
 * this tool had before profiles described the conversation ({@link #LEGACY}).
 *
 * @param claims       default JWT claims; string values may use {@code ${user_id}}
 * @param ticket       how tickets are fetched in ticket auth mode
 * @param templates    the message templates offered, by name, in profile order
 * @param firstMessage the template that opens a thread
 * @param followUp     the template for later messages in the same thread
 * @param thread       which thread prompts go to unless a run says otherwise
 * @param readyEvent   the event type to wait for before a lane counts as ready, or null to send at once
 * @param replies      automatic answers, by the type of the server message they answer
 * @param ping         the client's own keep-alive, or null for none
 */
public record ClientProfile(Map<String, Object> claims, TicketExchange ticket, Map<String, MessageTemplate> templates,
                            String firstMessage, String followUp, ThreadPolicy thread, String readyEvent,
                            Map<String, MessageTemplate> replies, ClientPing ping) {

    /** The behaviour before profiles carried the conversation. */
    public static final ClientProfile LEGACY = legacy();

    public ClientProfile {
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(JsonValues.frozenMap(claims)));
        templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
        replies = Collections.unmodifiableMap(new LinkedHashMap<>(replies));
        if (!templates.containsKey(firstMessage) || !templates.containsKey(followUp)) {
            throw new IllegalArgumentException("the first-message and follow-up templates must be among the templates "
                    + templates.keySet() + ": " + firstMessage + ", " + followUp);
        }
        if (ticket == null || thread == null) {
            throw new IllegalArgumentException("a client profile needs a ticket exchange and a thread policy");
        }
    }

    private static ClientProfile legacy() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "aei");
        claims.put("email", "${user_id}@example.com");
        claims.put("permissions", List.of("read", "write"));
        claims.put("type", "access");
        MessageTemplate userMessage = new MessageTemplate("user_message",
                "{\"type\":\"user_message\",\"payload\":{\"content\":\"${content}\",\"thread_id\":\"${thread_id}\"}}");
        return new ClientProfile(claims, TicketExchange.LEGACY, Map.of(userMessage.name(), userMessage),
                userMessage.name(), userMessage.name(), ThreadPolicy.NEW, null,
                Map.of("heartbeat", new MessageTemplate("heartbeat reply", "{\"type\":\"heartbeat_ack\"}")), null);
    }

    /** The names of the templates offered, in profile order. */
    public List<String> templateNames() {
        return new ArrayList<>(templates.keySet());
    }

    /** The template of that name; throws with the names offered when there is none. */
    public MessageTemplate template(String name) {
        MessageTemplate template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("no message template '" + name + "' in the profile (offered: "
                    + String.join(", ", templates.keySet()) + ")");
        }
        return template;
    }

    /** The template that opens a thread. */
    public MessageTemplate first() {
        return templates.get(firstMessage);
    }

    /** The template for follow-ups in a thread. */
    public MessageTemplate followUpTemplate() {
        return templates.get(followUp);
    }

    /** The automatic reply to a server message of this type, or null. */
    public MessageTemplate replyTo(String type) {
        return type == null ? null : replies.get(type);
    }

    /** The {@code type} values of the messages sent on their own (replies and pings), to tell them from prompts. */
    public Set<String> automaticTypes() {
        Set<String> types = new LinkedHashSet<>();
        replies.values().forEach(reply -> typeOf(reply, types));
        if (ping != null) {
            typeOf(ping.message(), types);
        }
        return types;
    }

    private static void typeOf(MessageTemplate template, Set<String> into) {
        String type = JsonValues.typeOf(template.json());
        if (type != null) {
            into.add(type);
        }
    }

    /** This conversation sending every prompt, first or follow-up, with one template. */
    public ClientProfile sendingAs(MessageTemplate template) {
        Map<String, MessageTemplate> all = new LinkedHashMap<>(templates);
        all.put(template.name(), template);
        return new ClientProfile(claims, ticket, all, template.name(), template.name(), thread, readyEvent, replies,
                ping);
    }

    /** This conversation with another thread policy. */
    public ClientProfile withThread(ThreadPolicy policy) {
        return new ClientProfile(claims, ticket, templates, firstMessage, followUp, policy, readyEvent, replies, ping);
    }

    /** Reads the {@code client} section of a shipped profile or profile file; {@link #LEGACY} without one. */
    public static ClientProfile load(String nameOrPath) {
        return ClientProfileReader.read(ProfileDocument.of(nameOrPath));
    }

    /** Reads the {@code client} section of a profile document; {@code source} names it in errors. */
    public static ClientProfile parse(String json, String source) {
        return ClientProfileReader.read(ProfileDocument.parse(json, source));
    }
}
