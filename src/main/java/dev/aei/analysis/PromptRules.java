package dev.aei.analysis;

import dev.aei.protocol.AgentEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The delivery rules {@code prompt-unanswered} and {@code server-error}.
 *
 * <p>A prompt (an outgoing message of one of the profile's prompt types) waits for the first run
 * that starts on its own lane afterwards. A run start answers the oldest waiting prompt of the lane
 * whose thread it may belong to: where both carry a thread id they must be equal, where either has
 * none the next own run start on the lane answers it. A prompt still waiting when its time runs out,
 * when its socket goes away, or when the recording gives up is unanswered.
 */
final class PromptRules {
    private final FindingLog log;
    private final long timeoutNanos;
    private final String timeoutText;
    /**
     * Prompts waiting for a run, oldest first, so timeouts are found from the head. Rarely more than
     * one per lane, so finding one walks them; no hashing (a record's hashCode is slow to call).
     */
    private final ArrayDeque<Prompt> waiting = new ArrayDeque<>();

    PromptRules(FindingLog log, Duration answerTimeout) {
        this.log = log;
        this.timeoutNanos = answerTimeout.toNanos();
        this.timeoutText = Durations.human(answerTimeout);
    }

    /** A prompt waiting for its run. */
    private record Prompt(String lane, int frame, long nanos, String type, String threadId) {
        String label() {
            return type + " (frame " + frame + (threadId == null ? "" : ", thread " + threadId) + ")";
        }
    }

    /** The lane sent a prompt. */
    void prompted(AgentEvent e) {
        Prompt prompt = new Prompt(e.lane(), e.frame(), e.nanos(), e.type(), e.threadId());
        waiting.add(prompt);
    }

    /** A run of the lane's own started: it answers the oldest waiting prompt it can belong to. */
    void runStarted(AgentEvent e) {
        Prompt answered = null;
        for (Prompt p : waiting) {
            if (!p.lane().equals(e.lane())) {
                continue;
            }
            if (e.threadId() != null && e.threadId().equals(p.threadId())) {
                answered = p; // an exact thread match wins over an older prompt without one
                break;
            }
            if (answered == null && (e.threadId() == null || p.threadId() == null)) {
                answered = p;
            }
        }
        for (Iterator<Prompt> it = waiting.iterator(); answered != null && it.hasNext(); ) {
            if (it.next() == answered) {
                it.remove();
                return;
            }
        }
    }

    /** The server said it could not handle something. */
    void serverError(AgentEvent e) {
        String code = text(e, "error_code", "code");
        String message = text(e, "error_message", "message");
        String said = (code == null ? "" : " " + code) + (message == null ? "" : ": " + message);
        log.raise(Rule.SERVER_ERROR, e.lane(), e.runId(), "the server sent " + e.type()
                + (said.isEmpty() ? " without a code or message" : said), List.of(e.frame()));
    }

    /** A field of the error as text, from {@code data}, {@code payload} or the root, in that order; else null. */
    private static String text(AgentEvent e, String... names) {
        var body = e.body();
        if (body == null) {
            return null;
        }
        for (String name : names) {
            for (var holder : List.of(body.path("data"), body.path("payload"), body)) {
                var value = holder.get(name);
                if (value != null && !value.isNull() && !value.isContainerNode()) {
                    return value.asText();
                }
            }
        }
        return null;
    }

    /** Reports the prompts whose time ran out by {@code nanos}. */
    void tick(long nanos) {
        for (Iterator<Prompt> it = waiting.iterator(); it.hasNext(); ) {
            Prompt p = it.next();
            if (nanos - p.nanos() < timeoutNanos) {
                return;
            }
            it.remove();
            unanswered(p, "started no run within " + timeoutText);
        }
    }

    /**
     * The lane's socket went away ({@code why}, such as "the socket closed (code 1000): main cleanup"):
     * its waiting prompts will not be answered.
     */
    void connectionLost(String lane, String why) {
        close(lane, "started no run; " + why);
    }

    /** The recording stopped waiting: the lane's waiting prompts are unanswered. */
    void gaveUp(String lane) {
        close(lane, "had started no run when the recording gave up waiting");
    }

    /** Reports every prompt still waiting as the capture ends. */
    void abandonAll() {
        close(null, "had started no run when the capture ended");
    }

    /** How many prompts wait for a run. */
    int waitingCount() {
        return waiting.size();
    }

    private void close(String lane, String why) {
        List<Prompt> lost = new ArrayList<>();
        for (Iterator<Prompt> it = waiting.iterator(); it.hasNext(); ) {
            Prompt p = it.next();
            if (lane == null || p.lane().equals(lane)) {
                it.remove();
                lost.add(p);
            }
        }
        lost.forEach(p -> unanswered(p, why));
    }

    private void unanswered(Prompt p, String why) {
        log.raise(Rule.PROMPT_UNANSWERED, p.lane(), null, "prompt " + p.label() + " " + why, List.of(p.frame()));
    }
}
