package dev.aei.ui.composer;

import dev.aei.net.SentPrompt;
import java.util.Collection;
import java.util.List;

/** Sends one prompt to several users at the same instant (the connector's job); may block. */
@FunctionalInterface
public interface PromptSender {

    /** Sends and returns what went out on each lane. */
    List<SentPrompt> send(Collection<String> userIds, String prompt);
}
