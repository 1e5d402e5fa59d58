package dev.aei.ui.detail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Hides tokens in what the app displays: JWT-looking strings, bearer values and secret-named fields. */
public final class Redactor {
    /** What a hidden value is replaced with. */
    public static final String MASK = "‹redacted›";

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
    private static final Set<String> SECRET_KEYS = Set.of("authorization", "token", "access_token", "refresh_token",
            "id_token", "secret", "client_secret", "password", "api_key", "apikey", "ticket");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)(\"(?:" + String.join("|", SECRET_KEYS) + ")\"\\s*:\\s*)\"[^\"]*\"");

    /** The text with every token-looking value replaced. */
    public String text(String text) {
        if (text == null) {
            return "";
        }
        String out = SECRET_FIELD.matcher(text).replaceAll("$1\"" + MASK + "\"");
        out = JWT.matcher(out).replaceAll(MASK);
        return BEARER.matcher(out).replaceAll("$1" + MASK);
    }

    /** A copy of the JSON with secret-named fields and token-looking strings replaced. */
    public JsonNode json(JsonNode node) {
        JsonNode copy = node.deepCopy();
        scrub(copy);
        return copy;
    }

    private void scrub(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SECRET_KEYS.contains(field.getKey().toLowerCase(Locale.ROOT)) && field.getValue().isValueNode()) {
                    field.setValue(TextNode.valueOf(MASK));
                } else {
                    replaceOrDescend(field.getValue(), field::setValue);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int at = i;
                replaceOrDescend(array.get(i), v -> array.set(at, v));
            }
        }
    }

    private void replaceOrDescend(JsonNode value, java.util.function.Consumer<JsonNode> setter) {
        if (value.isTextual()) {
            String clean = text(value.asText());
            if (!clean.equals(value.asText())) {
                setter.accept(TextNode.valueOf(clean));
            }
        } else {
            scrub(value);
        }
    }
}
