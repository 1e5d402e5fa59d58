package dev.aei.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsViewModelTest {
    private final List<Finding> opened = new ArrayList<>();
    private final FindingsViewModel vm = new FindingsViewModel(opened::add);

    private static Finding finding(String rule, Severity severity, String lane, String message) {
        return new Finding(rule, severity, lane, "run_t-1_00001_abcdef01", message, List.of(3, 4), 10);
    }

    private final Finding leak = finding("leak-canary", Severity.CRITICAL, "alice", "alice received bob's canary");
    private final Finding gap = finding("seq-gap", Severity.ERROR, "bob", "2 events missing");
    private final Finding late = finding("late-event", Severity.WARNING, "bob", "arrived 3 s late");

    @Test
    void countsPerSeverityAndKnownRulesAndLanes() {
        vm.addAll(List.of(leak, gap, late));
        assertThat(vm.countProperty(Severity.CRITICAL).get()).isEqualTo(1);
        assertThat(vm.countProperty(Severity.ERROR).get()).isEqualTo(1);
        assertThat(vm.countProperty(Severity.INFO).get()).isZero();
        assertThat(vm.rules()).containsExactlyInAnyOrder("leak-canary", "seq-gap", "late-event");
        assertThat(vm.lanes()).containsExactly("alice", "bob");
    }

    @Test
    void findingsAreCopiedAsOneLineEach() {
        assertThat(FindingsViewModel.asText(List.of(leak, gap))).isEqualTo(
                "CRITICAL leak-canary alice run_t-1_00001_abcdef01: alice received bob's canary [frames 3, 4]\n"
                        + "ERROR seq-gap bob run_t-1_00001_abcdef01: 2 events missing [frames 3, 4]\n");
    }

    @Test
    void filtersCombine() {
        vm.addAll(List.of(leak, gap, late));
        vm.shownProperty(Severity.WARNING).set(false);
        assertThat(vm.visible()).containsExactlyInAnyOrder(leak, gap);
        vm.chosenLanes().setAll("bob");
        assertThat(vm.visible()).containsExactly(gap);
        vm.chosenLanes().clear();
        vm.chosenRules().setAll("leak-canary", "late-event");
        assertThat(vm.visible()).containsExactly(leak);
        vm.chosenRules().clear();
        vm.textProperty().set("CANARY");
        assertThat(vm.visible()).containsExactly(leak);
        vm.textProperty().set("");
        vm.shownProperty(Severity.WARNING).set(true);
        assertThat(vm.visible()).hasSize(3);
    }

    @Test
    void newFindingsObeyTheFiltersInForce() {
        vm.shownProperty(Severity.ERROR).set(false);
        vm.addAll(List.of(gap, leak));
        assertThat(vm.visible()).containsExactly(leak);
    }

    @Test
    void openingAFindingTellsTheApp() {
        vm.open(leak);
        vm.open(null);
        assertThat(opened).containsExactly(leak);
    }

    @Test
    void aFrameChosenElsewhereSelectsTheFindingThatNamesIt() {
        Finding second = new Finding("late-event", Severity.WARNING, "alice", null, "late", List.of(4, 7), 20);
        vm.addAll(List.of(leak, gap, second));
        vm.frameSelected("bob", 4);
        assertThat(vm.currentProperty().get()).isEqualTo(gap);
        vm.open(second);
        vm.frameSelected("alice", 4); // named by leak too, but the opened finding names it: it stays
        assertThat(vm.currentProperty().get()).isEqualTo(second);
        vm.frameSelected("alice", 3);
        assertThat(vm.currentProperty().get()).isEqualTo(leak);
        vm.frameSelected("alice", 99);
        assertThat(vm.currentProperty().get()).isNull();
        vm.shownProperty(Severity.CRITICAL).set(false);
        vm.frameSelected("alice", 3); // a finding hidden by the filters is not chosen
        assertThat(vm.currentProperty().get()).isNull();
    }
}
