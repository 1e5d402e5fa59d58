package dev.aei.ui.composer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.net.SentPrompt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ComposerViewModelTest {
    private final List<Runnable> background = new ArrayList<>();
    private final List<List<String>> sentTo = new ArrayList<>();
    private final List<List<String>> savedHistory = new ArrayList<>();
    private final List<String> connected = new ArrayList<>(List.of("alice", "bob"));
    private final List<String> selected = new ArrayList<>();

    private final List<String> sentAs = new ArrayList<>();

    private List<SentPrompt> send(Collection<String> users, String prompt, String as) {
        sentTo.add(List.copyOf(users));
        sentAs.add(as + ": " + prompt);
        return users.stream().map(u -> new SentPrompt(u, "t-" + u + "-1", "cnry-" + u, prompt, 0)).toList();
    }

    private final Executor queued = background::add;
    private final ComposerViewModel vm = new ComposerViewModel(this::send, () -> connected, () -> selected,
            List.of("older"), savedHistory::add, queued, Runnable::run);

    @Test
    void sendingHappensInTheBackgroundAndShowsTheCanaries() {
        vm.promptProperty().set("Compare Q3 costs");
        assertThat(vm.send()).isTrue();
        assertThat(vm.sendingProperty().get()).isTrue();
        assertThat(sentTo).isEmpty();
        background.forEach(Runnable::run);
        assertThat(sentTo).containsExactly(List.of("alice", "bob"));
        assertThat(vm.canariesProperty().get()).contains("alice cnry-alice").contains("bob cnry-bob");
        assertThat(vm.sendingProperty().get()).isFalse();
        assertThat(vm.promptProperty().get()).isEmpty();
        assertThat(savedHistory).last().isEqualTo(List.of("older", "Compare Q3 costs"));
    }

    @Test
    void targetsPickRecipients() {
        vm.setUsers(List.of("alice", "bob", "carol"));
        assertThat(vm.targets()).containsExactly(ComposerViewModel.ALL, ComposerViewModel.SELECTED, "alice", "bob", "carol");
        vm.targetProperty().set("carol");
        assertThat(vm.recipients()).isEmpty();
        vm.targetProperty().set("bob");
        assertThat(vm.recipients()).containsExactly("bob");
        selected.addAll(List.of("alice", "carol"));
        vm.targetProperty().set(ComposerViewModel.SELECTED);
        assertThat(vm.recipients()).containsExactly("alice");
    }

    @Test
    void aChosenUserStaysChosenWhenUsersComeAndALeftUserLeavesNoWiderTarget() {
        vm.setUsers(List.of("alice", "bob"));
        vm.targetProperty().set("bob");
        List<String> shown = new ArrayList<>();
        vm.targetProperty().addListener((o, was, now) -> shown.add(String.valueOf(now)));

        vm.setUsers(List.of("alice", "bob", "zed"));
        assertThat(vm.targetProperty().get()).isEqualTo("bob");
        assertThat(shown).as("set again, so a box over the replaced list shows it").endsWith("bob");

        vm.setUsers(List.of("alice", "zed"));
        assertThat(vm.targetProperty().get()).isNull();
        assertThat(vm.canariesProperty().get()).isEqualTo("bob is no longer a user: choose who to send to.");
        vm.promptProperty().set("Compare Q3 costs");
        assertThat(vm.send()).isFalse();
        assertThat(vm.canariesProperty().get()).isEqualTo("Choose who to send to first.");
        assertThat(sentTo).isEmpty();
    }

    @Test
    void usersTheTargetNamesButNotConnectedAreSaidToHaveBeenSkipped() {
        vm.setUsers(List.of("alice", "bob", "carol"));
        vm.promptProperty().set("Compare Q3 costs");
        assertThat(vm.send()).isTrue();
        background.forEach(Runnable::run);
        assertThat(sentTo).containsExactly(List.of("alice", "bob"));
        assertThat(vm.canariesProperty().get()).endsWith(" · not sent to carol (not connected)");
    }

    @Test
    void nothingIsSentWithoutTextOrRecipients() {
        assertThat(vm.send()).isFalse();
        connected.clear();
        vm.promptProperty().set("hi");
        assertThat(vm.send()).isFalse();
        assertThat(vm.canariesProperty().get()).contains("connect");
        assertThat(background).isEmpty();
    }

    @Test
    void historyWalksBackAndForth() {
        vm.promptProperty().set("first");
        vm.send();
        vm.promptProperty().set("second");
        background.forEach(Runnable::run);
        vm.send();
        vm.historyBack();
        assertThat(vm.promptProperty().get()).isEqualTo("second");
        vm.historyBack();
        assertThat(vm.promptProperty().get()).isEqualTo("first");
        vm.historyBack();
        vm.historyBack();
        assertThat(vm.promptProperty().get()).isEqualTo("older");
        vm.historyForward();
        assertThat(vm.promptProperty().get()).isEqualTo("first");
        vm.historyForward();
        vm.historyForward();
        assertThat(vm.promptProperty().get()).isEmpty();
        assertThat(vm.historyItems()).containsExactly("older", "first", "second");
    }

    @Test
    void aFailingSendSaysWhy() {
        ComposerViewModel failing = new ComposerViewModel((u, p, as) -> {
            throw new IllegalStateException("socket closed");
        }, () -> connected, () -> selected, List.of(), h -> { }, Runnable::run, Runnable::run);
        failing.promptProperty().set("hi");
        failing.send();
        assertThat(failing.canariesProperty().get()).isEqualTo("Not sent: socket closed");
        assertThat(failing.sendingProperty().get()).isFalse();
    }

    @Test
    void aPromptGoesOutAsTheClientDoesAsAChosenTemplateOrAsARawFrame() {
        vm.setTemplates(List.of("start_agent", "user_message", "chat"));
        assertThat(vm.sendAsChoices()).containsExactly(ComposerViewModel.AS_PROFILE, "start_agent", "user_message",
                "chat", ComposerViewModel.RAW);
        vm.promptProperty().set(" hello ");
        vm.send();
        runQueued();
        vm.sendAsProperty().set("chat");
        vm.promptProperty().set("hi");
        vm.send();
        runQueued();
        vm.sendAsProperty().set(ComposerViewModel.RAW);
        vm.promptProperty().set(" {\"type\":\"ping\"} ");
        vm.send();
        runQueued();
        assertThat(sentAs).containsExactly("null: hello", "chat: hi", ComposerViewModel.RAW + ":  {\"type\":\"ping\"} ");

        vm.setTemplates(List.of("run_agent_input"));
        assertThat(vm.sendAsProperty().get()).as("a raw frame stays raw with another profile").isEqualTo(ComposerViewModel.RAW);
        vm.sendAsProperty().set("run_agent_input");
        vm.setTemplates(List.of("start_agent"));
        assertThat(vm.sendAsProperty().get()).isEqualTo(ComposerViewModel.AS_PROFILE);
    }

    private void runQueued() {
        List<Runnable> queuedNow = List.copyOf(background);
        background.clear();
        queuedNow.forEach(Runnable::run);
    }
}
