package dev.aei.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.protocol.ParserMessage;
import dev.aei.runtime.IoReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a run's claim overrides: a JSON file of claims, then {@code key=value} pairs whose value is JSON when it parses. */
final class ClaimOverrides {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimOverrides() {
    }

    /** The overrides in the order they apply: file, pairs, then issuer and audience. */
    static Map<String, Object> read(Path file, List<String> pairs, String issuer, String audience) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (file != null) {
            claims.putAll(fromFile(file));
        }
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--claim takes key=value, got '" + pair + "'");
            }
            claims.put(pair.substring(0, eq).trim(), value(pair.substring(0, eq).trim(), pair.substring(eq + 1)));
        }
        if (issuer != null) {
            claims.put("iss", issuer);
        }
        if (audience != null) {
            claims.put("aud", audience);
        }
        return claims;
    }

    /** The value as JSON when it parses as JSON (a list, object, number, boolean or quoted string), else the text. */
    static Object value(String key, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return text;
        }
        if (node == null || node.isMissingNode()) {
            return text;
        }
        if (node.isNull()) {
            throw new IllegalArgumentException("--claim " + key + "=null: a claim cannot be null (leave it out)");
        }
        return JSON.convertValue(node, Object.class);
    }

    private static Map<String, Object> fromFile(Path file) {
        JsonNode node;
        try {
            node = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--claims " + file + " is not valid JSON: " + ParserMessage.of(e));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --claims " + file + ": " + IoReason.of(e));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("--claims " + file + " must hold a JSON object of claim names and values");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                throw new IllegalArgumentException("--claims " + file + ": claim '" + field.getKey() + "' is null");
            }
            claims.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
        });
        return claims;
    }
}
