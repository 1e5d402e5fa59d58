package dev.aei.net;

/**
 * A prompt this tool sent on one lane.
 *
 * @param user     the lane id (the user id for a user's first connection, {@code alice #2} for its second)
 * @param threadId the thread the message went to, or null when its template names no thread
 * @param canary   the marker carried in the text
 * @param text     the full text as sent, marker included
 * @param frame    the index of the OUT frame in the lane
 */
public record SentPrompt(String user, String threadId, String canary, String text, int frame) {
}
