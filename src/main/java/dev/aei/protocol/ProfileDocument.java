package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.runtime.IoReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A profile file's parsed JSON object and the name it is reported by. */
record ProfileDocument(JsonNode root, String source) {

    /** Reads a shipped profile by name or a profile file by path. */
    static ProfileDocument of(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new IllegalArgumentException("no profile given: use netra, ag-ui or a profile file");
        }
        if (Profile.SHIPPED.contains(nameOrPath)) {
            try (InputStream in = Profile.class.getResourceAsStream(nameOrPath + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("shipped profile " + nameOrPath + " is missing from the build");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), nameOrPath);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read shipped profile " + nameOrPath, e);
            }
        }
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("unknown profile '" + nameOrPath + "': not one of "
                    + String.join(", ", Profile.SHIPPED.stream().sorted().toList()) + " and no such file");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read profile file " + file + ": " + IoReason.of(e), e);
        }
    }

    /** Parses a profile document's text; {@code source} names it in error messages. */
    static ProfileDocument parse(String json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("profile " + source + " is not valid JSON: " + ParserMessage.of(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("profile " + source + " must be a JSON object");
        }
        return new ProfileDocument(root, source);
    }
}
