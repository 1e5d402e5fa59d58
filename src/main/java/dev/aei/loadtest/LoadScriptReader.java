package dev.aei.loadtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.analysis.Rule;
import dev.aei.analysis.RuleConfig;
import dev.aei.analysis.SessionReplay;
import dev.aei.auth.Redactor;
import dev.aei.auth.TestUser;
import dev.aei.auth.TokenClaims;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.MessageRenewer;
import dev.aei.net.AuthMode;
import dev.aei.net.TicketUrls;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.Canary;
import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.EventRole;
import dev.aei.protocol.MessageTemplate;
import dev.aei.protocol.Profile;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a recording into the {@link LoadScript} a simulation plays: per recorded user its claims,
 * the ready event (the profile's, else the connection event the user received), each client
 * message it sent (a prompt in the shape of the profile's template of the same type, its canary
 * and thread left to fill per virtual user) and the run it started. Automatic frames (replies,
 * pings) are left to the simulation, which answers on its own.
 */
final class LoadScriptReader {
    private static final Set<String> LEAK_RULES = Set.of(Rule.LEAK_OWNER.id(), Rule.LEAK_FOREIGN_RUN.id(),
            Rule.LEAK_CANARY.id());
    private static final String CANARY_SLOT = "${" + MessageTemplate.CANARY + "}";
    private static final String THREAD_SLOT = "${" + MessageTemplate.THREAD_ID + "}";

    private final Profile profile;
    private final ClientProfile client;
    private final EventDecoder decoder;
    private final Canary canary = Canary.DEFAULT;
    private final Redactor redactor = new Redactor();
    private final ObjectMapper json = new ObjectMapper();

    LoadScriptReader(Profile profile, ClientProfile client) {
        this.profile = profile;
        this.client = client;
        this.decoder = new EventDecoder(profile);
    }

    /**
     * The script of a recording; {@code server} (or the recorded URL when null) is where it connects
     * and {@code authMode} (or the recorded one when null) how.
     */
    LoadScript read(Fixture fixture, String server, String authMode) throws GatlingExportException {
        Session session = fixture.session();
        List<String> notes = new ArrayList<>();
        String url = serverUrl(server != null ? server : session.info().serverUrl());
        AuthMode mode = authMode(authMode != null ? authMode : session.info().authMode(), notes);
        Set<String> leaked = leakedRuns(fixture);
        List<LoadScript.Lane> lanes = new ArrayList<>();
        for (Lane lane : session.lanes()) {
            if (lane.isExtraConnection()) {
                notes.add(lane.id() + " is another connection of " + lane.userId() + " and is left out: a virtual user "
                        + "plays its user's first connection");
                continue;
            }
            LoadScript.Lane scripted = lane(lane, leaked, notes);
            if (scripted.messages().isEmpty()) {
                notes.add(lane.id() + " sent nothing in the recording and is left out");
            } else {
                lanes.add(scripted);
            }
        }
        if (lanes.isEmpty()) {
            throw new GatlingExportException("the recording holds no client message to send: record a session "
                    + "with a prompt first");
        }
        URI ticketUrl = TicketUrls.resolve(URI.create(url), null, client.ticket());
        return new LoadScript(profile.name(), wire(), mode.label(), client.ticket(), url,
                ticketUrl == null ? null : ticketUrl.toString(), lanes, notes);
    }

    private LoadScript.Wire wire() {
        Map<String, String> stepRoles = new LinkedHashMap<>();
        profile.roles().forEach((type, role) -> {
            String name = OwnRuns.STEP_ROLES.get(role);
            if (name != null && !type.endsWith("*")) {
                stepRoles.put(type, name);
            }
        });
        Map<String, String> replies = new LinkedHashMap<>();
        client.replies().forEach((type, reply) -> replies.put(type, reply.json()));
        Profile.Fields fields = profile.fields();
        return new LoadScript.Wire(fields.type().paths(), fields.userId().paths(), fields.runId().paths(),
                fields.toolName().paths(), stepRoles, replies, canary.prefix());
    }

    private LoadScript.Lane lane(Lane lane, Set<String> leaked, List<String> notes) {
        List<List<LoadScript.Step>> runs = OwnRuns.of(lane, decoder, leaked);
        Map<String, Integer> threads = new LinkedHashMap<>();
        List<LoadScript.Message> messages = new ArrayList<>();
        String ready = client.readyEvent();
        Set<String> automatic = client.automaticTypes();
        for (Frame frame : lane.frames()) {
            if (frame.direction() == Direction.IN) {
                // the server's connection event, even when the recording sent its first message before it arrived
                if (ready == null) {
                    ready = connectionEvent(lane, frame);
                }
                continue;
            }
            AgentEvent sent = decoder.decode(lane.id(), frame).get(0);
            if (!frame.hasText() || sent.type() != null && automatic.contains(sent.type())) {
                continue;
            }
            boolean followUp = sent.threadId() != null && threads.containsKey(sent.threadId());
            int thread = sent.threadId() == null ? threads.size()
                    : threads.computeIfAbsent(sent.threadId(), t -> threads.size());
            if (sent.threadId() == null) {
                threads.put("#" + threads.size(), thread);
            }
            String text = redactor.text(frame.text()); // a journal or a HAR is raw: the project gets what a fixture would
            List<String> markers = canary.findAll(text);
            boolean prompt = !markers.isEmpty() || profile.isPrompt(sent.type());
            List<LoadScript.Step> steps = prompt && !runs.isEmpty() ? runs.remove(0) : List.of();
            String name = sent.type() == null ? "message" : sent.type();
            if (prompt && steps.isEmpty()) {
                notes.add(lane.id() + "'s " + name + " #" + (messages.size() + 1)
                        + " started no run in the recording: it is sent without checks");
            }
            messages.add(new LoadScript.Message(name, template(lane.id(), text, sent, markers, followUp, notes),
                    thread, steps));
        }
        return new LoadScript.Lane(lane.userId(), claims(lane), ready, messages);
    }

    /** The type of the frame's connection event, or null. */
    private String connectionEvent(Lane lane, Frame frame) {
        return decoder.decode(lane.id(), frame).stream().filter(e -> e.role() == EventRole.CONNECTION)
                .map(AgentEvent::type).findFirst().orElse(null);
    }

    /**
     * The message to send: a prompt in the shape of the profile's template of its type (the
     * recorded text as content, a canary slot in place of its marker); a prompt of a type no
     * template has, as recorded with its marker and thread as slots; anything else as recorded.
     */
    private String template(String user, String text, AgentEvent sent, List<String> markers, boolean followUp,
                            List<String> notes) {
        if (markers.isEmpty()) {
            if (profile.isPrompt(sent.type())) {
                notes.add(user + "'s " + sent.type() + " carries no canary: it is sent as recorded, the same for every "
                        + "virtual user, and leaks of it are found by user id only");
            }
            return text;
        }
        String marker = markers.get(0);
        MessageTemplate template = templateOfType(sent.type(), followUp);
        String content = contentHolding(text, marker);
        if (template != null && content != null) {
            String prompt = content.replace(" [" + marker + "]", "").replace(marker, "");
            return template.render(Map.of(MessageTemplate.CONTENT, canary.mark(prompt, CANARY_SLOT)));
        }
        notes.add(user + "'s " + sent.type() + " has no template of its type in the profile: it is sent as recorded");
        String renewed = text.replace(marker, CANARY_SLOT);
        return sent.threadId() == null ? renewed : renewed.replace("\"" + sent.threadId() + "\"", "\"" + THREAD_SLOT + "\"");
    }

    /** The profile's template whose message has this type (the follow-up one first for a follow-up), or null. */
    private MessageTemplate templateOfType(String type, boolean followUp) {
        if (type == null) {
            return null;
        }
        List<MessageTemplate> candidates = new ArrayList<>();
        candidates.add(followUp ? client.followUpTemplate() : client.first());
        candidates.addAll(client.templates().values());
        return candidates.stream().filter(t -> type.equals(typeOf(t.json()))).findFirst().orElse(null);
    }

    /** The type of a template's message, where the profile reads types. */
    private String typeOf(String message) {
        try {
            JsonNode root = json.readTree(message);
            for (String path : profile.fields().type().paths()) {
                JsonNode node = root;
                for (String name : path.split("\\.")) {
                    node = node.path(name);
                }
                if (node.isTextual()) {
                    return node.asText();
                }
            }
            return null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The string in the message that holds the marker: what the user typed, with the marker appended. */
    private String contentHolding(String text, String marker) {
        try {
            return MessageRenewer.textHolding(json.readTree(text), marker);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The profile's default claims, then the user's own; none that is reserved, a marker or a secret. */
    private Map<String, Object> claims(Lane lane) {
        Map<String, Object> claims = new LinkedHashMap<>(client.claims());
        // the profile's claims as the recorded user's tokens carried them: those stay templates for each virtual user
        Map<String, Object> asRecorded = new TokenClaims(client.claims()).forUser(TestUser.named(lane.userId()));
        lane.claims().forEach((name, value) -> {
            if (!name.equals(Analyzer.UNVERIFIED_CLAIM) && !redactor.isSensitiveKey(name)
                    && !value.equals(asRecorded.get(name))) {
                claims.put(name, value);
            }
        });
        TokenClaims.RESERVED.forEach(claims::remove);
        return claims;
    }

    private Set<String> leakedRuns(Fixture fixture) {
        List<Finding> findings = fixture.findings().isEmpty()
                ? SessionReplay.analyze(fixture.session(), Analyzer.create(profile, RuleConfig.defaults(), null))
                : fixture.findings();
        Set<String> runs = new HashSet<>();
        for (Finding finding : findings) {
            if (finding.runId() != null && LEAK_RULES.contains(finding.rule())) {
                runs.add(finding.runId());
            }
        }
        return runs;
    }

    private String serverUrl(String recorded) throws GatlingExportException {
        if (recorded == null || recorded.isBlank()) {
            throw new GatlingExportException("the recording names no server: give one with --server");
        }
        String trimmed = recorded.trim();
        int query = trimmed.indexOf('?');
        String address = query < 0 ? trimmed : trimmed.substring(0, query);
        List<String> kept = query < 0 ? List.of()
                : List.of(trimmed.substring(query + 1).split("&")).stream().filter(this::keeps).toList();
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new GatlingExportException("not a WebSocket URL: " + redactor.url(trimmed) + " (give one with --server)");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)wss?") || uri.getHost() == null) {
            throw new GatlingExportException("not a ws:// or wss:// URL: " + redactor.url(trimmed) + " (give one with --server)");
        }
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        return kept.isEmpty() ? base : base + "?" + String.join("&", kept);
    }

    /**
     * Whether a recorded query parameter stays in the simulation's URL: a token or ticket belongs to
     * the recording (each virtual user brings its own), and a parameter holding a secret, as recorded
     * or already redacted, is left out rather than written into the project.
     */
    private boolean keeps(String parameter) {
        String name = parameter.split("=", 2)[0];
        return !parameter.isEmpty() && !name.equals("token") && !name.equals("ticket") && !redactor.isSensitiveKey(name)
                && !parameter.contains("<redacted") && parameter.equals(redactor.url(parameter));
    }

    private static AuthMode authMode(String label, List<String> notes) throws GatlingExportException {
        if (label == null || label.isBlank()) {
            notes.add("the recording names no auth mode: header is used");
            return AuthMode.HEADER;
        }
        try {
            return AuthMode.parse(label);
        } catch (IllegalArgumentException e) {
            throw new GatlingExportException("unknown auth mode '" + label + "': header, subprotocol, query or ticket");
        }
    }
}
