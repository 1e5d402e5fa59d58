package dev.aei.ui.frames;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.analysis.Finding;
import dev.aei.analysis.Severity;
import dev.aei.capture.Frame;
import dev.aei.capture.Session;
import dev.aei.fixture.FixtureReader;
import dev.aei.fixture.FixtureLimits;
import dev.aei.inspect.Shown;
import dev.aei.net.SentPrompt;
import dev.aei.ui.feed.FeedBatch;
import dev.aei.ui.timeline.FrameRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frames table's state without a window: rows, filters, search, selection, copy and resend. */
class FramesViewModelTest {
    private static final Executor NOW = Runnable::run;
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

    private final List<String> connected = new ArrayList<>(List.of("alice", "bob"));
    private final List<String> sentTo = new ArrayList<>();
    private final List<FrameActions.Draft> drafts = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private FramesViewModel vm;
    private FrameActions actions;
    private Session session;

    @BeforeEach
    void feedTwoUsers() {
        vm = new FramesViewModel(FramesSessions.NETRA::decode, NOW, NOW);
        actions = new FrameActions(vm, (lanes, text) -> {
            lanes.forEach(l -> sentTo.add(l + ":" + text));
            return lanes.stream().map(l -> new SentPrompt(l, null, null, text, -1)).toList();
        }, drafts::add, () -> connected, () -> findings, NOW, NOW);
        session = FramesSessions.empty();
        FramesSessions.run(session, "alice", "run-a", 1_000_000, "Compare Q3 costs");
        FramesSessions.run(session, "bob", "run-b", 1_500_000, "Plan the offsite " + JWT);
        vm.accept(FramesSessions.live(session));
    }

    @Test
    void oneRowPerFrameInArrivalOrderMadeOnlyWhenDrawn() {
        assertThat(vm.items()).hasSize(8);
        FrameRow first = vm.row(0);
        assertThat(first.lane()).isEqualTo("alice");
        assertThat(first.sent()).isTrue();
        assertThat(first.direction()).isEqualTo("↑ sent");
        assertThat(first.type()).isEqualTo("user_message");
        assertThat(first.sinceRun()).isEmpty();
        FrameRow started = vm.row(2); // alice's prompt, bob's prompt, then alice's first event
        assertThat(started.lane()).isEqualTo("alice");
        assertThat(started.direction()).isEqualTo("↓ received");
        assertThat(started.type()).isEqualTo("agent_started");
        assertThat(started.run()).isEqualTo("run-a");
        assertThat(started.seq()).isEqualTo("1");
        assertThat(started.sinceRun()).isEqualTo("+0.000 s");
        assertThat(vm.row(6).sinceRun()).isEqualTo("+0.002 s");
        assertThat(started.time()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(started.size()).endsWith(" B");
        assertThat(vm.row(1).preview()).as("secrets are hidden in the preview").doesNotContain(JWT).contains("<redacted:");
    }

    @Test
    void liveFramesAppendAndANewSessionStartsOver() {
        List<Frame> more = FramesSessions.run(session, "alice", "run-a2", 9_000_000, "Again");
        vm.accept(FramesSessions.more("alice", more));
        assertThat(vm.items()).hasSize(12);
        assertThat(vm.row(11).run()).isEqualTo("run-a2");

        Session other = FramesSessions.empty();
        FramesSessions.run(other, "carol", "run-c", 1_000_000, "Hello");
        vm.accept(new FeedBatch(Shown.file(Path.of("x.aei.json"), dev.aei.fixture.FileKind.FIXTURE, other),
                List.of("carol"), FramesSessions.frames(other, other.lanes()), List.of(), List.of()));
        assertThat(vm.items()).hasSize(4);
        assertThat(vm.laneChoices()).containsExactly(FramesViewModel.ALL_LANES, "carol");
        assertThat(vm.mode()).isEqualTo(dev.aei.inspect.Mode.FILE);
    }

    @Test
    void filtersByLaneDirectionTypeAndRole() {
        vm.laneProperty().set("bob");
        assertThat(rows()).allMatch(r -> r.lane().equals("bob")).hasSize(4);
        vm.directionProperty().set(DirectionChoice.RECEIVED);
        assertThat(rows()).hasSize(3).noneMatch(FrameRow::sent);
        vm.laneProperty().set(FramesViewModel.ALL_LANES);
        vm.chosenTypes().setAll("agent_completed");
        assertThat(rows()).extracting(FrameRow::lane).containsExactly("alice", "bob");
        vm.chosenTypes().clear();
        vm.directionProperty().set(DirectionChoice.SENT);
        assertThat(rows()).hasSize(2).allMatch(FrameRow::sent);
        vm.directionProperty().set(DirectionChoice.BOTH);
        vm.chosenRoles().setAll("thinking");
        assertThat(rows()).extracting(FrameRow::type).containsExactly("agent_thinking", "agent_thinking");
        assertThat(vm.types()).contains("user_message", "agent_started", "agent_thinking", "agent_completed");
    }

    @Test
    void searchFindsTextInAnyCaseAndRegexStepsThroughMatchesAndMarksThem() {
        vm.search().queryProperty().set("offsite");
        assertThat(vm.search().matchCountProperty().get()).isEqualTo(4); // bob's prompt and his three events
        FrameRef first = vm.selectedProperty().get();
        assertThat(first).isEqualTo(new FrameRef("bob", 0));
        assertThat(vm.search().matchTextProperty().get()).isEqualTo("1 of 4 frames");
        FrameRow row = vm.row(vm.selectedIndexProperty().get());
        assertThat(row.highlights()).hasSize(1);
        Match m = row.highlights().get(0);
        assertThat(row.preview().substring(m.start(), m.end())).isEqualToIgnoringCase("offsite");

        vm.search().next();
        assertThat(vm.selectedProperty().get()).isEqualTo(new FrameRef("bob", 1));
        vm.search().previous();
        vm.search().previous(); // wraps round to the last match
        assertThat(vm.selectedProperty().get()).isEqualTo(new FrameRef("bob", 3));
        assertThat(vm.search().matchTextProperty().get()).isEqualTo("4 of 4 frames");

        vm.search().regexProperty().set(true);
        vm.search().queryProperty().set("\"seq\":[23]");
        assertThat(vm.search().matchCountProperty().get()).isEqualTo(4);
        vm.search().queryProperty().set("(unclosed");
        assertThat(vm.search().matchTextProperty().get()).startsWith("Not a regular expression");
        assertThat(vm.search().matchCountProperty().get()).isZero();
        vm.search().queryProperty().set("nothing-like-this");
        assertThat(vm.search().matchTextProperty().get()).isEqualTo("No match");
    }

    @Test
    void matchesCountOnlyRowsTheFiltersShowAndNewLiveRowsAreSearched() {
        vm.search().queryProperty().set("step");
        assertThat(vm.search().matchCountProperty().get()).isEqualTo(6);
        vm.laneProperty().set("alice");
        assertThat(vm.search().matchCountProperty().get()).isEqualTo(3);
        vm.accept(FramesSessions.more("alice", FramesSessions.run(session, "alice", "run-a2", 9_000_000, "Again")));
        assertThat(vm.search().matchCountProperty().get()).isEqualTo(6);
    }

    @Test
    void selectionFollowsTheTimelineAndSurvivesFilters() {
        vm.select(new FrameRef("bob", 2));
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(5);
        vm.laneProperty().set("bob");
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(2);
        vm.laneProperty().set("alice");
        assertThat(vm.selectedIndexProperty().get()).isEqualTo(-1);
        assertThat(vm.selectedProperty().get()).isEqualTo(new FrameRef("bob", 2));
        vm.laneProperty().set(FramesViewModel.ALL_LANES);
        vm.selectIndex(0);
        assertThat(vm.selectedProperty().get()).isEqualTo(new FrameRef("alice", 0));
    }

    @Test
    void copiesRawPrettyAndTheRunAsARedactedFixtureThatReadsBack(@TempDir Path dir) throws Exception {
        vm.select(new FrameRef("bob", 0));
        assertThat(actions.copyRaw()).startsWith("{\"type\":\"user_message\"").doesNotContain(JWT);
        assertThat(actions.copyPretty()).contains("\n  \"type\" : \"user_message\"").doesNotContain(JWT);
        assertThat(actions.runBlocker()).isEqualTo("This frame belongs to no run.");

        findings.add(new Finding("seq-gap", Severity.ERROR, "bob", "run-b", "gap", List.of(2, 3), 5));
        findings.add(new Finding("seq-gap", Severity.ERROR, "alice", "run-a", "other run", List.of(2), 5));
        vm.select(new FrameRef("bob", 2));
        String snippet = actions.copyRun();
        assertThat(snippet).contains("\"format\"").contains("run-b").doesNotContain("run-a").doesNotContain(JWT);
        Path file = dir.resolve("run.aei.json");
        Files.writeString(file, snippet);
        var read = new FixtureReader(FixtureLimits.defaults()).read(file, dev.aei.fixture.Progress.NONE);
        assertThat(read.session().lane("bob").frames()).hasSize(4); // the prompt and the run's three events
        assertThat(read.findings()).singleElement().satisfies(f -> assertThat(f.frames()).containsExactly(2, 3));
    }

    @Test
    void resendsASentFrameLiveAsTheSameUserAnotherOrEveryoneAndSaysWhyNot() {
        vm.select(new FrameRef("alice", 1));
        assertThat(actions.resendBlocker(List.of())).isEqualTo("Only frames this tool sent (↑) can be sent again.");
        vm.select(new FrameRef("alice", 0));
        assertThat(actions.resend(actions.sameUser())).isTrue();
        assertThat(sentTo).singleElement().asString().startsWith("alice:{\"type\":\"user_message\"");
        assertThat(actions.outcomeProperty().get()).isEqualTo("Sent again to alice");
        actions.resend(List.of("bob"));
        actions.resend(List.of());
        assertThat(sentTo).hasSize(4);
        assertThat(actions.editFirst(List.of("bob"))).isTrue();
        assertThat(drafts).singleElement().satisfies(d -> assertThat(d.lanes()).containsExactly("bob"));

        connected.remove("bob");
        assertThat(actions.resendBlocker(List.of("bob"))).isEqualTo("bob is not connected.");
        connected.clear();
        assertThat(actions.resend(List.of())).isFalse();
        assertThat(actions.outcomeProperty().get()).isEqualTo("Nobody is connected: connect a user first.");

        vm.accept(new FeedBatch(Shown.file(Path.of("x.aei.json"), dev.aei.fixture.FileKind.FIXTURE, session),
                List.of("alice", "bob"), FramesSessions.frames(session, session.lanes()), List.of(), List.of()));
        vm.select(new FrameRef("alice", 0));
        connected.add("alice");
        assertThat(actions.resendBlocker(List.of())).contains("live session");
    }

    @Test
    void aSearchRunsOffTheCallersThreadShowsProgressAndACancelledOneNeverReports() {
        java.util.ArrayDeque<Runnable> worker = new java.util.ArrayDeque<>();
        FramesViewModel queued = new FramesViewModel(FramesSessions.NETRA::decode, worker::add, NOW);
        queued.accept(FramesSessions.live(session));
        queued.search().queryProperty().set("offsite");
        assertThat(queued.search().searchingProperty().get()).isTrue();
        assertThat(queued.search().matchTextProperty().get()).isEqualTo("Searching…");
        queued.search().cancel();
        worker.poll().run(); // the cancelled scan runs to its end, but its matches never arrive
        assertThat(queued.search().searchingProperty().get()).isFalse();
        assertThat(queued.search().matchCountProperty().get()).isZero();

        queued.search().queryProperty().set("OFFSITE");
        worker.poll().run();
        assertThat(queued.search().progressProperty().get()).isEqualTo(1.0);
        assertThat(queued.search().matchCountProperty().get()).isEqualTo(4);
        assertThat(worker).isEmpty();
    }

    private List<FrameRow> rows() {
        List<FrameRow> rows = new ArrayList<>();
        for (int i = 0; i < vm.items().size(); i++) {
            rows.add(vm.row(i));
        }
        return rows;
    }
}
