package dev.aei.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aei.protocol.ParserMessage;
import dev.aei.runtime.IoReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fault plan (see the README's "Reference backend"): a JSON array of entries such as
 * {@code {"user":"bob","run":1,"event":"tool_completed","fault":"drop"}}. {@code "user":"*"}
 * means every user and {@code "run":0} every run. {@code event} may be left out for the
 * run-wide faults (after-complete, no-complete, demo-identity, ignore-prompt, error-close,
 * execution-ids, web-client-shape, bridge-shape).
 */
public record FaultPlan(List<FaultRule> rules) {

    /** Any user. */
    public static final String ANY_USER = "*";
    /** The event types a fault can target: the five events of a scripted run. */
    public static final Set<String> EVENT_TYPES =
            Set.of("agent_started", "agent_thinking", "tool_executing", "tool_completed", "agent_completed");

    private static final Set<String> KEYS = Set.of("user", "run", "event", "fault", "to", "ms");
    private static final ObjectMapper JSON = new ObjectMapper();

    public FaultPlan {
        rules = List.copyOf(rules);
    }

    /** Reads a plan file. */
    public static FaultPlan load(Path file) throws FaultPlanException {
        try {
            return parse(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new FaultPlanException("fault plan " + file + " does not exist", e);
        } catch (FaultPlanException e) {
            throw new FaultPlanException("fault plan " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FaultPlanException("cannot read fault plan " + file + ": " + IoReason.of(e), e);
        }
    }

    /** Parses a plan from JSON text. */
    public static FaultPlan parse(String text) throws FaultPlanException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FaultPlanException("not valid JSON (" + ParserMessage.of(e) + ")", e);
        }
        if (root == null || !root.isArray()) {
            throw new FaultPlanException("a fault plan is a JSON array of entries like "
                    + "{\"user\":\"bob\",\"run\":1,\"event\":\"tool_completed\",\"fault\":\"drop\"}");
        }
        List<FaultRule> rules = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                rules.add(rule(root.get(i)));
            } catch (FaultPlanException e) {
                throw new FaultPlanException("entry " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new FaultPlan(rules);
    }

    /** The plan as JSON text, in the format {@link #parse} reads. */
    public String toJson() {
        ArrayNode array = JSON.createArrayNode();
        for (FaultRule rule : rules) {
            ObjectNode entry = array.addObject().put("user", rule.user()).put("run", rule.run());
            if (rule.event() != null) {
                entry.put("event", rule.event());
            }
            entry.put("fault", rule.fault().label());
            if (rule.to() != null) {
                entry.put("to", rule.to());
            }
            if (rule.fault() == FaultType.DELAY) {
                entry.put("ms", rule.ms());
            }
        }
        return array.toPrettyString();
    }

    /** The rules that apply to a user's run number {@code run} (1-based), demo-identity excluded. */
    List<FaultRule> forRun(String userId, int run) {
        return rules.stream()
                .filter(r -> r.fault() != FaultType.DEMO_IDENTITY && appliesTo(r, userId) && (r.run() == 0 || r.run() == run))
                .toList();
    }

    /** Whether connections of this user report the shared demo identity. */
    boolean demoIdentity(String userId) {
        return rules.stream().anyMatch(r -> r.fault() == FaultType.DEMO_IDENTITY && appliesTo(r, userId));
    }

    private static boolean appliesTo(FaultRule rule, String userId) {
        return ANY_USER.equals(rule.user()) || userId.equals(rule.user());
    }

    private static FaultRule rule(JsonNode entry) throws FaultPlanException {
        if (entry == null || !entry.isObject()) {
            throw new FaultPlanException("not a JSON object");
        }
        for (String key : (Iterable<String>) entry::fieldNames) {
            if (!KEYS.contains(key)) {
                throw new FaultPlanException("unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            }
        }
        FaultType fault = fault(entry);
        String user = text(entry, "user", true);
        boolean runWide = fault.runWide();
        int run = number(entry, "run", !runWide, 0, Integer.MAX_VALUE).intValue();
        String event = text(entry, "event", !runWide);
        if (event != null && !EVENT_TYPES.contains(event)) {
            throw new FaultPlanException("unknown event '" + event + "' (expected one of "
                    + String.join(", ", EVENT_TYPES.stream().sorted().toList()) + ")");
        }
        boolean leak = fault == FaultType.LEAK || fault == FaultType.LEAK_RELABEL;
        String to = text(entry, "to", leak);
        if (!leak && to != null) {
            throw new FaultPlanException("'to' only applies to leak and leak-relabel");
        }
        long ms = number(entry, "ms", fault == FaultType.DELAY, 0, 600_000);
        return new FaultRule(user, run, event, fault, to, ms);
    }

    private static FaultType fault(JsonNode entry) throws FaultPlanException {
        String label = text(entry, "fault", true);
        try {
            return FaultType.parse(label);
        } catch (IllegalArgumentException e) {
            throw new FaultPlanException("unknown fault '" + label + "' (expected one of "
                    + Arrays.stream(FaultType.values()).map(FaultType::label).collect(Collectors.joining(", ")) + ")");
        }
    }

    private static String text(JsonNode entry, String key, boolean required) throws FaultPlanException {
        JsonNode value = entry.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw new FaultPlanException("'" + key + "' is missing");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new FaultPlanException("'" + key + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static Long number(JsonNode entry, String key, boolean required, long min, long max)
            throws FaultPlanException {
        JsonNode value = entry.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw new FaultPlanException("'" + key + "' is missing");
            }
            return 0L;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw new FaultPlanException("'" + key + "' must be a whole number from " + min + " to " + max);
        }
        return value.asLong();
    }
}
