package dev.aei.cli;

import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.MessageTemplate;
import dev.aei.protocol.ThreadPolicy;
import dev.aei.runtime.IoReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which message a prompt becomes and which thread it goes to. Use as a picocli {@code @Mixin}. */
public final class PromptOptions {

    @Option(names = "--send-as", paramLabel = "NAME|FILE",
            description = "Send prompts with this template: a name the profile offers (netra: start_agent, "
                    + "user_message, chat) or a file holding a JSON template with $${content}, $${thread_id}, "
                    + "$${user_id}, $${canary} (default: the profile's first-message and follow-up templates).")
    String sendAs;

    @Option(names = "--thread", paramLabel = "new|same",
            description = "new: every prompt opens its own thread; same: prompts follow up in the lane's "
                    + "thread (default: as the profile says, netra new).")
    String thread;

    /** The profile's conversation with these options applied; bad input is explained. */
    ClientProfile apply(ClientProfile client) {
        ClientProfile result = client;
        if (sendAs != null) {
            result = result.sendingAs(template(client, sendAs));
        }
        if (thread != null) {
            try {
                result = result.withThread(ThreadPolicy.parse(thread));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--thread must be new or same, got '" + thread + "'");
            }
        }
        return result;
    }

    /** A template the profile names, else one read from a file. */
    static MessageTemplate template(ClientProfile client, String nameOrFile) {
        if (client.templates().containsKey(nameOrFile)) {
            return client.template(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--send-as " + nameOrFile + ": not a template the profile offers ("
                    + String.join(", ", client.templateNames()) + ") and no such file");
        }
        try {
            return new MessageTemplate(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --send-as " + file + ": " + IoReason.of(e));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--send-as " + file + ": " + e.getMessage());
        }
    }
}
