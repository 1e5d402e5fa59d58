package dev.aei.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.auth.TestUser;
import dev.aei.net.LaneState;
import dev.aei.ui.settings.AppSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {
    /** Records what the panel asked for. */
    static final class RecordingConnections implements Connections {
        final List<String> calls = new ArrayList<>();
        final List<TestUser> connected = new ArrayList<>();

        @Override
        public boolean connect(AppSettings settings, Collection<TestUser> users) {
            connected.addAll(users);
            calls.add("connect " + settings.authMode());
            return true;
        }

        @Override
        public void disconnect(String userId) {
            calls.add("disconnect " + userId);
        }

        @Override
        public void disconnectAll() {
            calls.add("disconnect all");
        }
    }

    private final RecordingConnections connections = new RecordingConnections();
    private final SignInViewModel vm = new SignInViewModel(AppSettings.defaults(), connections);

    @Test
    void connectAllSignsInEnabledUsersWithTheirClaims() {
        UserRow carol = vm.addUser("carol").orElseThrow();
        vm.editClaims(carol, "{\"role\":\"admin\"}");
        vm.row("bob").orElseThrow().enabledProperty().set(false);
        vm.connectAll();
        assertThat(connections.connected).extracting(TestUser::id).containsExactly("alice", "carol");
        assertThat(connections.connected.get(1).claims()).containsEntry("role", "admin");
        assertThat(vm.row("alice").orElseThrow().state().status()).isEqualTo(LaneState.Status.CONNECTING);
    }

    @Test
    void statesAreCountedAndDescribed() {
        vm.applyState("alice", new LaneState(LaneState.Status.CONNECTED, 0, ""));
        vm.applyState("bob", new LaneState(LaneState.Status.FAILED, 401, "Unauthorized: bad signature"));
        assertThat(vm.connectedCount().get()).isEqualTo(1);
        assertThat(vm.connectedIds()).containsExactly("alice");
        assertThat(LaneStates.describe(vm.row("bob").orElseThrow().state())).isEqualTo("401 · Unauthorized: bad signature");
        assertThat(LaneStates.describe(new LaneState(LaneState.Status.CLOSED, 1006, ""))).isEqualTo("closed (1006)");
        assertThat(LaneStates.describe(new LaneState(LaneState.Status.CLOSED, 1006, "closed by the server")))
                .as("no \"closed\" twice in a narrow column").isEqualTo("1006 · closed by the server");
    }

    @Test
    void aFilesLanesAreListedAsInTheFileNotAsClosed() {
        vm.showFileLanes(List.of("alice", "bob"));
        assertThat(vm.shownUsersProperty().get()).extracting(row -> LaneStates.describe(row.state()))
                .containsExactly("in the file", "in the file");
        assertThat(vm.connectedCount().get()).isZero();
    }

    @Test
    void badClaimsAndDuplicateIdsAreRefusedWithAReason() {
        UserRow alice = vm.row("alice").orElseThrow();
        assertThat(vm.editClaims(alice, "[1,2]")).isFalse();
        assertThat(vm.messageProperty().get()).contains("JSON object");
        assertThat(vm.editClaims(alice, "{oops")).isFalse();
        assertThat(alice.claimsJsonProperty().get()).isEqualTo("{}");
        assertThat(vm.addUser("alice")).isEmpty();
        assertThat(vm.addUser(" ")).isEmpty();
        assertThat(vm.users()).hasSize(2);
    }

    @Test
    void removingAConnectedUserDisconnectsIt() {
        UserRow bob = vm.row("bob").orElseThrow();
        vm.applyState("bob", new LaneState(LaneState.Status.CONNECTED, 0, ""));
        vm.removeUser(bob);
        assertThat(connections.calls).containsExactly("disconnect bob");
        assertThat(vm.users()).extracting(UserRow::id).containsExactly("alice");
    }

    @Test
    void aRemoteServerNeedsASecret() {
        vm.serverUrlProperty().set("ws://remote.test/ws");
        vm.connectAll();
        assertThat(connections.calls).isEmpty();
        assertThat(vm.messageProperty().get()).contains("secret");
        vm.secretProperty().set("x");
        vm.authModeProperty().set("ticket");
        vm.connectAll();
        assertThat(connections.calls).containsExactly("connect ticket");
    }

    @Test
    void settingsRoundTripThroughTheForm() {
        vm.profileProperty().set("ag-ui");
        vm.addUser("dave");
        AppSettings base = AppSettings.defaults().withDarkTheme(true);
        AppSettings saved = vm.toSettings(base);
        assertThat(saved.darkTheme()).isTrue();
        assertThat(saved.profile()).isEqualTo("ag-ui");
        assertThat(new SignInViewModel(saved, connections).users()).extracting(UserRow::id)
                .containsExactly("alice", "bob", "dave");
    }

    @Test
    void theEffectiveClaimsAreTheProfilesDefaultsWithTheUsersOwnOverThem() {
        String shown = vm.effectiveClaims("alice", "{\"aud\":\"netra-admin\",\"role\":\"qa\"}");
        assertThat(shown).contains("\"sub\" : \"alice\"", "\"iss\" : \"netra-auth-service\"",
                "\"aud\" : \"netra-admin\"", "\"token_type\" : \"access\"", "\"role\" : \"qa\"",
                "alice@example.com");
        assertThat(vm.effectiveClaims("alice", "[1]")).contains("JSON object");
        vm.profileProperty().set("/nowhere/profile.json");
        assertThat(vm.effectiveClaims("alice", "{}")).contains("could not be read");
    }

    @Test
    void anyTextIsAUserIdComparedExactly() {
        for (String id : List.of("爱丽丝", "عمر", "bob🙂", "a b", "x/y?z", "qa-user-1", "qa-user-2")) {
            assertThat(vm.addUser(id)).as(id).isPresent();
        }
        assertThat(vm.addUser("  a b ")).as("the same id once outer blanks are dropped").isEmpty();
        assertThat(vm.addUser("a  b")).isPresent();
        assertThat(vm.users()).extracting(UserRow::id).contains("爱丽丝", "عمر", "bob🙂", "a b", "a  b", "x/y?z");
    }

    @Test
    void anotherTabOfAUserIsAConnectionOfItsOwnForTheSameUser() {
        UserRow alice = vm.row("alice").orElseThrow();
        vm.editClaims(alice, "{\"role\":\"qa\"}");
        vm.applyState("alice", new LaneState(LaneState.Status.CONNECTED, 0, ""));

        UserRow second = vm.openAnotherTab(alice).orElseThrow();
        UserRow third = vm.openAnotherTab(second).orElseThrow();

        assertThat(vm.users()).extracting(UserRow::id).containsExactly("alice", "alice #2", "alice #3", "bob");
        assertThat(second.userId()).isEqualTo("alice");
        assertThat(second.isExtraTab()).isTrue();
        assertThat(alice.isExtraTab()).isFalse();
        assertThat(connections.connected).extracting(TestUser::lane).containsExactly("alice #2", "alice #3");
        assertThat(connections.connected).extracting(TestUser::id).containsOnly("alice");
        assertThat(connections.connected.get(0).claims()).containsEntry("role", "qa");

        AppSettings saved = vm.toSettings(AppSettings.defaults());
        SignInViewModel reloaded = new SignInViewModel(saved, connections);
        assertThat(reloaded.row("alice #2").orElseThrow().userId()).isEqualTo("alice");
        assertThat(SignInViewModel.toUser(reloaded.row("alice #3").orElseThrow()))
                .isEqualTo(new TestUser("alice", java.util.Map.of("role", "qa"), "alice #3"));
    }

    @Test
    void aTabOfAUserNotSignedInWaitsForConnectAll() {
        vm.openAnotherTab(vm.row("bob").orElseThrow());
        assertThat(connections.connected).isEmpty();
        vm.connectAll();
        assertThat(connections.connected).extracting(TestUser::lane).containsExactly("alice", "bob", "bob #2");
    }
}
