package dev.aei.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One side of the ingest figure: connects every user, asks for a burst of runs, waits for all of it. */
interface IngestClient extends AutoCloseable {

    /** Events the reference backend sends per scripted run. */
    int EVENTS_PER_RUN = 9;

    /** Connects every user and waits until each has its greeting ({@code connection_established}). */
    void connect() throws Exception;

    /** Asks every user's backend for {@code runs} runs back to back and measures their arrival. */
    IngestRound burst(int runs, String threadTag) throws Exception;

    /** Closes every socket. */
    @Override
    void close() throws Exception;

    /** The {@code user_message} that asks the backend for {@code runs} runs in one thread. */
    static String request(ObjectMapper json, String user, String threadTag, int runs) {
        ObjectNode message = json.createObjectNode().put("type", "user_message");
        message.putObject("payload").put("content", "Compare Q3 costs").put("thread_id", "t-" + user + "-" + threadTag)
                .put("repeat", runs);
        return message.toString();
    }

    /** The seq of a server frame, or 0 when it has none or is not JSON. */
    static long seqOf(ObjectMapper json, String text) {
        try {
            return text == null ? 0 : json.readTree(text).path("seq").asLong(0);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
