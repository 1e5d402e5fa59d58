package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message the client sends, as a JSON document whose string values may hold placeholders such
 * as {@code ${content}}. Values are put into the parsed tree, so Jackson escapes them; a string
 * that is exactly one placeholder whose value is a number becomes that number.
 *
 * @param name the template's name (its key in the profile, or the file it came from)
 * @param json the template document, a JSON object
 */
public record MessageTemplate(String name, String json) {
    /** The text sent, canary included. */
    public static final String CONTENT = "content";
    /** The thread the message belongs to. */
    public static final String THREAD_ID = "thread_id";
    /** The signed-in user's id. */
    public static final String USER_ID = "user_id";
    /** The canary marker alone. */
    public static final String CANARY = "canary";
    /** The time of sending, in epoch milliseconds (a number when it stands alone). */
    public static final String EPOCH_MS = "epoch_ms";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_]+)}");

    public MessageTemplate {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a message template needs a name");
        }
        JsonNode tree = parse(name, json);
        if (!tree.isObject()) {
            throw new IllegalArgumentException("message template '" + name + "' must be a JSON object");
        }
        json = tree.toString();
    }

    /** A template from a JSON tree (the tree is copied, not kept). */
    public static MessageTemplate of(String name, JsonNode tree) {
        if (tree == null) {
            throw new IllegalArgumentException("message template '" + name + "' is missing");
        }
        return new MessageTemplate(name, tree.toString());
    }

    /** True when the template uses the placeholder, e.g. {@code uses("thread_id")}. */
    public boolean uses(String placeholder) {
        return json.contains("${" + placeholder + "}");
    }

    /** The message for a prompt: content (canary included), thread, user and canary filled in. */
    public String renderPrompt(String content, String threadId, String userId, String canary) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CONTENT, content);
        values.put(THREAD_ID, threadId);
        values.put(USER_ID, userId);
        values.put(CANARY, canary);
        values.put(EPOCH_MS, System.currentTimeMillis());
        return render(values);
    }

    /** The message with every known placeholder replaced; unknown placeholders are left as written. */
    public String render(Map<String, ?> values) {
        if (json.indexOf("${") < 0) {
            return json; // nothing to fill (an automatic reply such as a heartbeat's): already written as a tree writes it
        }
        return fill(parse(name, json), values).toString();
    }

    private static JsonNode fill(JsonNode node, Map<String, ?> values) {
        if (node.isTextual()) {
            return fillText(node.asText(), values);
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                field.setValue(fill(field.getValue(), values));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fill(array.get(i), values));
            }
        }
        return node;
    }

    private static JsonNode fillText(String text, Map<String, ?> values) {
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches() && values.get(whole.group(1)) instanceof Number number) {
            return LongNode.valueOf(number.longValue());
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value.toString()));
        }
        m.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    private static JsonNode parse(String name, String json) {
        if (json == null) {
            throw new IllegalArgumentException("message template '" + name + "' is missing");
        }
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null) {
                throw new IllegalArgumentException("message template '" + name + "' is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message template '" + name + "' is not valid JSON: "
                    + ParserMessage.of(e), e);
        }
    }
}
