package dev.aei.server;

/**
 * One entry of a fault plan: for {@code user}'s run number {@code run} (1-based), apply
 * {@code fault} to the first event of type {@code event}.
 *
 * @param user  whose runs are affected; {@code *} for every user
 * @param run   which of that user's runs, 1-based, counted over the backend's life; 0 for every run
 *              (ignored for demo-identity)
 * @param event event type, e.g. {@code tool_completed} (ignored for after-complete, no-complete and
 *              demo-identity)
 * @param fault what to do
 * @param to    the victim user for leak and leak-relabel, else null
 * @param ms    the delay for {@link FaultType#DELAY}, else 0
 */
public record FaultRule(String user, int run, String event, FaultType fault, String to, long ms) {
}
