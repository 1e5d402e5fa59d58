package dev.aei.ui.composer;

import dev.aei.net.SentPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The composer: a prompt, who gets it (everyone connected, the users picked in the sign-in table,
 * or one user), sending off the FX thread, the canaries that went out, and the prompt history.
 */
public final class ComposerViewModel {
    /** The target meaning "all connected users". */
    public static final String ALL = "All users";
    /** The target meaning "the users selected in the table". */
    public static final String SELECTED = "Selected users";
    /** "Send as" meaning the event profile's own choice (first message, then follow-ups). */
    public static final String AS_PROFILE = "the client does";
    /** "Send as" meaning the text is one frame, sent exactly as typed. */
    public static final String RAW = "a raw frame";

    private final StringProperty prompt = new SimpleStringProperty("");
    private final ObjectProperty<String> target = new SimpleObjectProperty<>(ALL);
    private final ObservableList<String> targets = FXCollections.observableArrayList(ALL, SELECTED);
    private final ObservableList<String> historyItems = FXCollections.observableArrayList();
    private final ObjectProperty<String> sendAs = new SimpleObjectProperty<>(AS_PROFILE);
    private final ObservableList<String> sendAsChoices = FXCollections.observableArrayList(AS_PROFILE, RAW);
    private final StringProperty canaries = new SimpleStringProperty("");
    private final BooleanProperty sending = new SimpleBooleanProperty();
    private final PromptHistory history;
    private final PromptSender sender;
    private final Supplier<List<String>> connectedUsers;
    private final Supplier<List<String>> selectedUsers;
    private final Executor background;
    private final Executor fx;
    private final Consumer<List<String>> onHistoryChanged;

    /**
     * @param background runs the (blocking) send
     * @param fx         brings results back to the FX thread
     */
    public ComposerViewModel(PromptSender sender, Supplier<List<String>> connectedUsers,
                             Supplier<List<String>> selectedUsers, List<String> history,
                             Consumer<List<String>> onHistoryChanged, Executor background, Executor fx) {
        this.sender = sender;
        this.connectedUsers = connectedUsers;
        this.selectedUsers = selectedUsers;
        this.history = new PromptHistory(history, 50);
        this.onHistoryChanged = onHistoryChanged;
        this.background = background;
        this.fx = fx;
        historyItems.setAll(this.history.entries());
    }

    /**
     * Keeps the single-user targets in step with the users known to the app. A chosen user who left
     * the list leaves no target (the next send asks for one) rather than a wider one.
     */
    public void setUsers(List<String> userIds) {
        String chosen = target.get();
        List<String> all = new ArrayList<>(List.of(ALL, SELECTED));
        all.addAll(userIds);
        if (all.equals(targets)) {
            return;
        }
        targets.setAll(all);
        target.set(null); // the list was replaced under the box: set the choice again so it shows
        if (chosen == null || targets.contains(chosen)) {
            target.set(chosen);
        } else {
            canaries.set(chosen + " is no longer a user: choose who to send to.");
        }
    }

    /** Offers the event profile's message templates (by name) besides its own choice and a raw frame. */
    public void setTemplates(List<String> names) {
        String chosen = sendAs.get();
        sendAsChoices.setAll(AS_PROFILE);
        sendAsChoices.addAll(names);
        sendAsChoices.add(RAW);
        sendAs.set(sendAsChoices.contains(chosen) ? chosen : AS_PROFILE);
    }

    /** The users the current target names, connected or not. */
    private List<String> wanted() {
        String t = target.get();
        if (t == null) {
            return List.of();
        }
        if (ALL.equals(t)) {
            return targets.stream().filter(u -> !ALL.equals(u) && !SELECTED.equals(u)).toList();
        }
        return SELECTED.equals(t) ? selectedUsers.get() : List.of(t);
    }

    /** The users the prompt goes to with the current target. */
    public List<String> recipients() {
        String t = target.get();
        if (t == null) {
            return List.of();
        }
        if (ALL.equals(t)) {
            return connectedUsers.get();
        }
        if (SELECTED.equals(t)) {
            return selectedUsers.get().stream().filter(connectedUsers.get()::contains).toList();
        }
        return connectedUsers.get().contains(t) ? List.of(t) : List.of();
    }

    /** Sends the prompt in the background; returns false (with a reason shown) when there is nothing to send. */
    public boolean send() {
        String typed = prompt.get() == null ? "" : prompt.get();
        String as = sendAs.get();
        String text = RAW.equals(as) ? typed : typed.strip(); // a raw frame goes out byte for byte
        List<String> to = recipients();
        if (text.isBlank()) {
            canaries.set(RAW.equals(as) ? "Type the frame to send first." : "Type a prompt first.");
            return false;
        }
        if (target.get() == null) {
            canaries.set("Choose who to send to first.");
            return false;
        }
        if (to.isEmpty()) {
            canaries.set("Nobody to send to: connect a user first.");
            return false;
        }
        if (sending.get()) {
            return false;
        }
        sending.set(true);
        List<String> skipped = wanted().stream().filter(user -> !to.contains(user)).toList();
        history.remember(text);
        historyItems.setAll(history.entries());
        onHistoryChanged.accept(history.entries());
        background.execute(() -> {
            String outcome;
            try {
                outcome = describe(sender.send(to, text, AS_PROFILE.equals(as) ? null : as))
                        + (skipped.isEmpty() ? "" : " · not sent to " + String.join(", ", skipped) + " (not connected)");
            } catch (RuntimeException e) {
                outcome = "Not sent: " + e.getMessage();
            }
            String shown = outcome;
            fx.execute(() -> {
                canaries.set(shown);
                sending.set(false);
            });
        });
        prompt.set("");
        return true;
    }

    private static String describe(List<SentPrompt> sent) {
        if (sent.isEmpty()) {
            return "Not sent: no connected socket.";
        }
        return "Sent · " + sent.stream().map(s -> s.canary() == null ? s.user() : s.user() + " " + s.canary())
                .collect(Collectors.joining(" · "));
    }

    /** Up key: the previous prompt from history. */
    public void historyBack() {
        prompt.set(history.previous(prompt.get()));
    }

    /** Down key: the next prompt from history, then empty. */
    public void historyForward() {
        prompt.set(history.next());
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    /** How the prompt goes out: the profile's choice, one of its templates, or a raw frame. */
    public ObjectProperty<String> sendAsProperty() {
        return sendAs;
    }

    /** The "send as" choices: the profile's choice, its templates, a raw frame. */
    public ObservableList<String> sendAsChoices() {
        return sendAsChoices;
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    /** All users, selected users, then each user by id. */
    public ObservableList<String> targets() {
        return targets;
    }

    /** The prompts sent before, newest last. */
    public ObservableList<String> historyItems() {
        return historyItems;
    }

    /** What the last send did: the canary per user, or why nothing was sent. */
    public StringProperty canariesProperty() {
        return canaries;
    }

    /** True while a send is under way. */
    public BooleanProperty sendingProperty() {
        return sending;
    }
}
