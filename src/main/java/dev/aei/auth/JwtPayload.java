package dev.aei.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Reads a JWT's payload without verifying it: the client only needs to know when a token expires. */
public final class JwtPayload {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtPayload() {
    }

    /** The decoded payload object, or empty when the text is not a JWT with a JSON payload. */
    public static Optional<JsonNode> decode(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** The {@code exp} claim, or empty when absent or not a number. */
    public static Optional<Instant> expiry(String jwt) {
        return decode(jwt).map(p -> p.get("exp"))
                .filter(JsonNode::isNumber)
                .map(exp -> Instant.ofEpochSecond(exp.asLong()));
    }
}
