package dev.aei.ui.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.server.FaultRule;
import dev.aei.server.FaultType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsViewModelTest {
    private final Map<String, Integer> runs = new HashMap<>(Map.of("alice", 1, "bob", 2));
    private final List<List<FaultRule>> installed = new ArrayList<>();
    private final FaultsViewModel vm = new FaultsViewModel(u -> runs.getOrDefault(u, 0), installed::add, Runnable::run);

    @Test
    void theFormStartsAsTheOneClickLeakDoesOnTheUsersNextRun() {
        vm.setUsers(List.of("alice", "bob"));
        assertThat(vm.userProperty().get()).isEqualTo("bob");
        assertThat(vm.toProperty().get()).isEqualTo("alice");
        assertThat(vm.runProperty().get()).isEqualTo(3);
        vm.userProperty().set("alice");
        assertThat(vm.runProperty().get()).isEqualTo(2);
        assertThat(FaultsViewModel.DEMO_TITLE).isEqualTo("Leak bob → alice (sends a prompt as bob)");
    }

    @Test
    void theRunMovesOnOnceItStartedButALaterOneTypedStays() {
        vm.setUsers(List.of("alice", "bob"));
        runs.put("bob", 3);
        vm.runsChanged();
        assertThat(vm.runProperty().get()).as("run 3 already happened").isEqualTo(4);
        vm.runProperty().set(9);
        runs.put("bob", 4);
        vm.runsChanged();
        assertThat(vm.runProperty().get()).isEqualTo(9);
    }

    @Test
    void aOneShotFaultMovesToTheFiredListOnceItsRunStartedAndStaysInThePlan() {
        FaultRule leak = vm.armLeakDemo("bob", "alice").join();
        vm.setUsers(List.of("alice", "bob"));
        vm.userProperty().set("alice");
        vm.faultProperty().set(FaultType.DROP);
        vm.apply();
        assertThat(vm.active()).hasSize(2);

        runs.put("bob", 3);
        vm.runsChanged();

        assertThat(vm.fired()).containsExactly(leak);
        assertThat(vm.messageProperty().get()).isEqualTo("Fired: bob run 3 · agent_thinking · leak → alice");
        assertThat(vm.active()).extracting(FaultRule::user).containsExactly("alice");
        vm.faultProperty().set(FaultType.DUPLICATE);
        vm.apply();
        assertThat(installed.get(installed.size() - 1)).as("fired rules stay installed").contains(leak).hasSize(3);
        vm.clear();
        assertThat(vm.fired()).isEmpty();
    }

    @Test
    void applyInstallsTheWholePlanAndClearEmptiesIt() {
        vm.setUsers(List.of("alice", "bob"));
        vm.userProperty().set("alice");
        vm.faultProperty().set(FaultType.DROP);
        vm.eventProperty().set("tool_completed");
        assertThat(vm.apply()).isTrue();
        vm.faultProperty().set(FaultType.DELAY);
        vm.msProperty().set(500);
        vm.apply();
        assertThat(installed).last().isEqualTo(List.of(
                new FaultRule("alice", 2, "tool_completed", FaultType.DROP, null, 0),
                new FaultRule("alice", 2, "tool_completed", FaultType.DELAY, null, 500)));
        vm.clear();
        assertThat(installed).last().isEqualTo(List.of());
    }

    @Test
    void aLeakNeedsAnotherUser() {
        vm.setUsers(List.of("alice"));
        vm.faultProperty().set(FaultType.LEAK);
        assertThat(vm.apply()).isFalse();
        assertThat(vm.messageProperty().get()).contains("another user");
        assertThat(installed).isEmpty();
    }

    @Test
    void theLeakDemoArmsBobsNextRun() {
        FaultRule rule = vm.armLeakDemo("bob", "alice").join();
        assertThat(rule).isEqualTo(new FaultRule("bob", 3, "agent_thinking", FaultType.LEAK, "alice", 0));
        assertThat(FaultsViewModel.describe(rule)).isEqualTo("bob run 3 · agent_thinking · leak → alice");
        assertThat(installed).containsExactly(List.of(rule));
    }

    @Test
    void theRealBackendsFailuresAreOfferedAsRunWideFaultsWithoutAnEvent() {
        vm.setUsers(List.of("alice", "bob"));
        vm.userProperty().set("alice");
        vm.eventProperty().set("tool_completed");
        for (FaultType type : List.of(FaultType.IGNORE_PROMPT, FaultType.ERROR_CLOSE, FaultType.EXECUTION_IDS)) {
            vm.faultProperty().set(type);
            assertThat(vm.runWide()).isTrue();
            assertThat(vm.needsVictim()).isFalse();
            assertThat(vm.apply()).isTrue();
        }
        assertThat(installed).last().isEqualTo(List.of(
                new FaultRule("alice", 2, null, FaultType.IGNORE_PROMPT, null, 0),
                new FaultRule("alice", 2, null, FaultType.ERROR_CLOSE, null, 0),
                new FaultRule("alice", 2, null, FaultType.EXECUTION_IDS, null, 0)));
        assertThat(vm.active()).extracting(FaultsViewModel::describe).containsExactly(
                "alice run 2 · ignore-prompt", "alice run 2 · error-close", "alice run 2 · execution-ids");
        assertThat(FaultsViewModel.explain(FaultType.ERROR_CLOSE)).contains("error_message").contains("main cleanup");
        vm.faultProperty().set(FaultType.DROP);
        assertThat(vm.runWide()).isFalse();
    }

    @Test
    void theShapeOfARunCanBeSwitchedFromThePanel() {
        vm.setUsers(List.of("alice", "bob"));
        vm.userProperty().set("alice");
        vm.faultProperty().set(FaultType.WEB_CLIENT_SHAPE);
        assertThat(vm.runWide()).isTrue();
        assertThat(vm.apply()).isTrue();
        assertThat(installed).last().isEqualTo(List.of(new FaultRule("alice", 2, null, FaultType.WEB_CLIENT_SHAPE,
                null, 0)));
        assertThat(vm.active()).extracting(FaultsViewModel::describe).containsExactly("alice run 2 · web-client-shape");
        assertThat(FaultsViewModel.explain(FaultType.WEB_CLIENT_SHAPE)).contains("final_report");
        assertThat(FaultsViewModel.explain(FaultType.BRIDGE_SHAPE)).contains("tool_name at the root");
    }

    @Test
    void everyFaultIsExplained() {
        for (FaultType type : FaultType.values()) {
            assertThat(FaultsViewModel.explain(type)).isNotBlank();
        }
    }
}
