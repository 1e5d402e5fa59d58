package dev.aei.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Replaces tokens and secrets with stable placeholders such as {@code <redacted:jwt:1>}: JWTs
 * anywhere, {@code Bearer}/{@code Authorization} values, and the values of sensitive keys (in JSON
 * structurally, elsewhere by pattern, e.g. {@code ?token=…}). One instance numbers its placeholders,
 * so within one export the same secret always gets the same placeholder. Thread-safe.
 */
public final class Redactor {
    /** The key names redacted by default (compared case-insensitively, ignoring {@code -} and {@code _}). */
    public static final List<String> DEFAULT_KEYS = List.of("password", "passwd", "token", "access_token",
            "refresh_token", "id_token", "api_key", "apikey", "secret", "client_secret", "ticket",
            "authorization", "cookie", "set-cookie", "jwt", "private_key");

    private static final String PREFIX = "<redacted:";
    /** How every JWT starts: the base64 of its header's opening <code>{"</code>. */
    private static final String JWT_START = "eyJ";
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)(\\s+)([A-Za-z0-9._~+/=-]{6,})");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "([A-Za-z][A-Za-z0-9_-]*)(\"?\\s*(?:=|:(?!//))\\s*\"?)((?:bearer|basic)\\s+)?([^\\s\"'&,;?#}\\]]+)",
            Pattern.CASE_INSENSITIVE);

    private final Set<String> keys;
    /** Words one of which a text must contain (in any case) before the patterns are run on it. */
    private final TriggerWords triggerWords;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, String> placeholders = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();

    /** A redactor for the default key names. */
    public Redactor() {
        this(DEFAULT_KEYS);
    }

    /** A redactor for these key names (case-insensitive; {@code -} and {@code _} ignored). */
    public Redactor(Collection<String> keyNames) {
        this.keys = keyNames.stream().map(Redactor::normalise).collect(Collectors.toUnmodifiableSet());
        this.triggerWords = new TriggerWords(Stream.concat(Stream.of("bearer", "basic"), keyNames.stream()).toList(),
                List.of(JWT_START));
    }

    /** True when the key name is one whose values are secrets. */
    public boolean isSensitiveKey(String key) {
        return key != null && keys.contains(normalise(key));
    }

    /** Text with every secret replaced; JSON text is redacted structurally and kept unchanged otherwise. */
    public String text(String text) {
        if (text == null || !mayHoldSecret(text)) {
            return text;
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            String json = json(text);
            if (json != null) {
                return json;
            }
        }
        return patterns(text);
    }

    /**
     * The cheap test every text passes first (most frames hold no secret): a JWT start, or one of
     * the trigger words in any case; false means {@link #text} returns the text unchanged. No regex:
     * an alternation here cost ~50 µs per frame when saving fixtures. Changes nothing, so it may run
     * ahead on another thread while the placeholders are numbered in order.
     */
    public boolean mayHoldSecret(String text) {
        return triggerWords.anyIn(text);
    }

    /**
     * {@link #mayHoldSecret(String)} for a text that is all ASCII, given as its bytes {@code [from, to)}
     * (the same answer; a caller that already holds the bytes saves reading the text again).
     */
    public boolean mayHoldSecretAscii(byte[] ascii, int from, int to) {
        return triggerWords.anyInAscii(ascii, from, to);
    }

    /** A one-off redaction of a message, URL or error text with the default keys; null gives "". */
    public static String message(String text) {
        return text == null ? "" : new Redactor().patterns(text);
    }

    /** A URL with tokens in its query (or anywhere else) replaced. */
    public String url(String url) {
        return url == null ? null : patterns(url);
    }

    /** Claims with sensitive keys and JWT-looking values replaced; the input is not changed. */
    public Map<String, Object> claims(Map<String, Object> claims) {
        Map<String, Object> out = new LinkedHashMap<>();
        claims.forEach((k, v) -> out.put(k, claimValue(k, v)));
        return out;
    }

    /** A JSON tree with sensitive keys and secret-looking strings replaced; returns a redacted copy. */
    public JsonNode tree(JsonNode node) {
        JsonNode copy = node.deepCopy();
        return redactNode(null, copy);
    }

    private Object claimValue(String key, Object value) {
        if (isSensitiveKey(key) && value != null) {
            return placeholder(kindOf(key), String.valueOf(value));
        }
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return mapper.convertValue(tree(mapper.valueToTree(value)), Object.class);
        }
        return value;
    }

    private String json(String text) {
        try {
            JsonNode root = mapper.readTree(text);
            if (root == null) {
                return null;
            }
            JsonNode redacted = tree(root);
            return redacted.equals(root) ? text : mapper.writeValueAsString(redacted);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private JsonNode redactNode(String key, JsonNode node) {
        if (key != null && isSensitiveKey(key) && !node.isNull() && !(node.isContainerNode() && node.isEmpty())) {
            String raw = node.isTextual() ? node.asText() : node.toString();
            return TextNode.valueOf(raw.startsWith(PREFIX) ? raw : placeholder(kindOf(key, raw), raw));
        }
        if (node.isTextual()) {
            String redacted = patterns(node.asText());
            return redacted.equals(node.asText()) ? node : TextNode.valueOf(redacted);
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(redactNode(field.getKey(), field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redactNode(null, array.get(i)));
            }
        }
        return node;
    }

    private String patterns(String text) {
        if (!mayHoldSecret(text)) {
            return text;
        }
        String out = replace(JWT.matcher(text), m -> placeholder("jwt", m.group()));
        out = replace(BEARER.matcher(out), m -> m.group(3).startsWith(PREFIX) ? m.group()
                : m.group(1) + m.group(2) + placeholder("bearer", m.group(3)));
        return replace(KEY_VALUE.matcher(out), m -> {
            String value = m.group(4);
            if (!isSensitiveKey(m.group(1)) || value.startsWith(PREFIX)) {
                return m.group();
            }
            String scheme = m.group(3) == null ? "" : m.group(3);
            return m.group(1) + m.group(2) + scheme + placeholder(kindOf(m.group(1)), value);
        });
    }

    private static String replace(Matcher m, Function<Matcher, String> replacement) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private synchronized String placeholder(String kind, String secret) {
        return placeholders.computeIfAbsent(secret, s -> {
            int n = counters.merge(kind, 1, Integer::sum);
            return PREFIX + kind + ":" + n + ">";
        });
    }

    private static String kindOf(String key, String value) {
        return JWT.matcher(value).matches() ? "jwt" : kindOf(key);
    }

    private static String kindOf(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String normalise(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
