package dev.aei.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.MessageTemplate;
import java.io.IOException;
import java.util.Map;

/** What a received frame asks of a lane by the profile: an automatic reply, or the ready event it waits for. */
final class AutoAnswers {
    private final ClientProfile client;
    private final ObjectMapper json = new ObjectMapper();

    AutoAnswers(ClientProfile client) {
        this.client = client;
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

    /** The frame's type when the lane may act on it, else null. */
    private String typeOfInteresting(String text) {
        // Cheap text check first: this runs on every frame, and most need no parsing here.
        if (text == null || (client.replies().keySet().stream().noneMatch(text::contains)
                && (client.readyEvent() == null || !text.contains(client.readyEvent())))) {
            return null;
        }
        try {
            JsonNode node = json.readTree(text);
            return node == null ? null : node.path("type").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
