package dev.aei.ui.presenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.Grammar;
import dev.aei.protocol.JsonPaths;
import dev.aei.protocol.TextCut;

/**
 * The text a run streams to one card: the deltas of the profile's text pairs (an AG-UI text
 * message, thinking or reasoning message) joined, as the backend's own client shows them while
 * they arrive. Only the newest part is kept.
 */
final class StreamedText {
    private static final int KEEP = 400;
    private final StringBuilder text = new StringBuilder();
    private String lastWritten = "";

    /** Takes in an event; true when it belongs to a text pair, so the card should tell the streamed text. */
    boolean accept(AgentEvent event) {
        Grammar.Member member = event.pair();
        if (member == null || member.pair().text().paths().isEmpty()) {
            return false;
        }
        if (member.part() == Grammar.Part.OPEN) {
            text.setLength(0);
        } else if (member.part() == Grammar.Part.CLOSE && !thinking(member)) {
            lastWritten = text.toString().replaceAll("\\s+", " ").strip();
        } else if (member.part() == Grammar.Part.INSIDE) {
            // A decoded event brings its delta, read while decoding: no second parse on the FX thread.
            String delta = event.source() != null ? event.pairText() : read(event.body(), member.pair().text());
            if (delta != null) {
                text.append(delta);
                if (text.length() > 2 * KEEP) {
                    text.delete(0, text.length() - KEEP);
                }
            }
        }
        return true;
    }

    /** Forgets the text of the previous run. */
    void reset() {
        text.setLength(0);
        lastWritten = "";
    }

    /** The last message the run wrote whole (not thinking), as the answer a finished run gave; "" for none. */
    String lastWritten() {
        return lastWritten;
    }

    /** The headline for the text so far: "Writing: …" (or "Thinking: …" for a thinking or reasoning pair). */
    String headline(AgentEvent event, int max) {
        String verb = thinking(event.pair()) ? "Thinking" : "Writing";
        String joined = text.toString().replaceAll("\\s+", " ").strip();
        if (joined.isEmpty()) {
            return verb + TextCut.ELLIPSIS;
        }
        int length = joined.codePointCount(0, joined.length());
        if (length <= max) {
            return verb + ": " + joined;
        }
        int from = joined.offsetByCodePoints(0, length - max + 1);
        return verb + ": " + TextCut.ELLIPSIS + joined.substring(from);
    }

    private static boolean thinking(Grammar.Member member) {
        String name = member.pair().name();
        return name.contains("thinking") || name.contains("reasoning");
    }

    private static String read(JsonNode body, JsonPaths paths) {
        if (body == null) {
            return null;
        }
        for (String path : paths.paths()) {
            JsonNode value = body.at("/" + path.replace('.', '/'));
            if (value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }
}
