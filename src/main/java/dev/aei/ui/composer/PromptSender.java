package dev.aei.ui.composer;

import dev.aei.net.SentPrompt;
import java.util.Collection;
import java.util.List;

/** Sends one prompt to several users at the same instant (the connector's job); may block. */
@FunctionalInterface
public interface PromptSender {

    /**
     * Sends and returns what went out on each lane.
     *
     * @param sendAs the event profile's message template to wrap the prompt in, null for the profile's own
     *               choice, or {@link ComposerViewModel#RAW} to send the text exactly as typed
     */
    List<SentPrompt> send(Collection<String> userIds, String prompt, String sendAs);
}
