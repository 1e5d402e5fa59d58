package dev.aei.net;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.MessageTemplate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What a received frame asks of a lane by the profile: an automatic reply, or the ready event it waits for. */
final class AutoAnswers {
    private final ClientProfile client;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonFactory factory = json.getFactory();
    /** The types the lane acts on (replies, then the ready event): a frame naming none needs no parsing. */
    private final String[] interesting;
    /** Frames parsed for their type, and how many of them needed a tree: tests count both. */
    private final LongAdder typesRead = new LongAdder();
    private final LongAdder treesBuilt = new LongAdder();

    AutoAnswers(ClientProfile client) {
        this.client = client;
        List<String> types = new ArrayList<>(client.replies().keySet());
        if (client.readyEvent() != null) {
            types.add(client.readyEvent());
        }
        this.interesting = types.toArray(String[]::new);
    }

    /**
     * What the lane does about one received frame.
     *
     * @param reply the automatic reply to send, or null
     * @param ready true when the frame is the profile's ready event
     */
    record Answer(String reply, boolean ready) {
        static final Answer NONE = new Answer(null, false);
    }

    /** The answer a received text frame needs (null text: none). */
    Answer to(String text) {
        String type = typeOfInteresting(text);
        if (type == null) {
            return Answer.NONE;
        }
        MessageTemplate reply = client.replyTo(type);
        return new Answer(reply == null ? null : reply.render(Map.of(MessageTemplate.EPOCH_MS,
                System.currentTimeMillis())), type.equals(client.readyEvent()));
    }

    /** How many frames were parsed for their type (those that name a type the lane acts on). */
    long typesRead() {
        return typesRead.sum();
    }

    /** How many of those needed a JSON tree (a type that is not a string); heartbeats need none. */
    long treesBuilt() {
        return treesBuilt.sum();
    }

    /** The frame's type when the lane may act on it, else null. */
    private String typeOfInteresting(String text) {
        // Cheap text check first: this runs on every frame, and most need no parsing here.
        if (text == null || !mentionsAny(text)) {
            return null;
        }
        typesRead.increment();
        try {
            return topLevelType(text);
        } catch (IOException e) {
            return null;
        }
    }

    private boolean mentionsAny(String text) {
        for (String type : interesting) {
            if (text.contains(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The top-level {@code type} of a JSON object as a tree's {@code path("type").asText(null)} gives
     * it, read token by token without a tree: values are skipped, the last {@code type} counts, a
     * frame that is not a whole object has none. A type that is no string or null is rare; it is
     * read through a tree so that numbers keep the tree's wording.
     */
    private String topLevelType(String text) throws IOException {
        String type = null;
        boolean notText = false;
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null; // a tree of an array, a scalar or nothing has no type either
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                boolean isType = "type".equals(p.currentName());
                JsonToken value = p.nextToken();
                if (isType) {
                    notText = value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL;
                    type = value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                return null;
            }
        }
        return notText ? treeType(text) : type;
    }

    /** The type as a tree gives it (for a type that is no string). */
    private String treeType(String text) throws IOException {
        treesBuilt.increment();
        JsonNode node = json.readTree(text);
        return node == null ? null : node.path("type").asText(null);
    }
}
