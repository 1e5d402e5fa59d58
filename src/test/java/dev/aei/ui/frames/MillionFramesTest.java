package dev.aei.ui.frames;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.inspect.Shown;
import dev.aei.ui.feed.FeedBatch;
import dev.aei.ui.timeline.FrameRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A million frames in the frames table: it opens and scrolls to the end, the cells there show the
 * last frame, and the search finds the last frame's marker. Counts only, never times.
 */
@ExtendWith(ApplicationExtension.class)
class MillionFramesTest {
    private static final int FRAMES = 1_000_000;
    private static final int LANES = 10;
    private static final int BATCH = 50_000;
    private static final String MARKER = "needle-7f3a9c";

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private FramesViewModel vm;
    private FramesView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        vm = new FramesViewModel(FramesSessions.NETRA::decode, worker, Platform::runLater);
        FrameActions actions = new FrameActions(vm, (lanes, text) -> List.of(), d -> { }, List::of, List::of,
                Runnable::run, Runnable::run);
        view = new FramesView(vm, actions);
        stage.setScene(new Scene(view, 1100, 600));
        stage.show();
    }

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void aMillionFramesOpenScrollToTheEndAndTheSearchFindsTheLastOnesMarker(FxRobot robot) throws Exception {
        Session session = FramesSessions.empty();
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < LANES; i++) {
            lanes.add(session.addLane("user" + i, Map.of()));
        }
        fx(() -> vm.accept(new FeedBatch(Shown.live(session), lanes.stream().map(Lane::id).toList(), List.of(),
                List.of(), List.of())));
        for (int from = 0; from < FRAMES; from += BATCH) {
            List<FeedBatch.LaneFrame> batch = new ArrayList<>(BATCH);
            for (int n = from; n < from + BATCH; n++) {
                Lane lane = lanes.get(n % LANES);
                String text = "{\"type\":\"agent_thinking\",\"run_id\":\"run-" + (n / 100) + "\",\"seq\":" + n
                        + ",\"data\":{\"reasoning\":\"step " + n + (n == FRAMES - 1 ? " " + MARKER : "") + "\"}}";
                Frame frame = session.restore(lane, Frame.text(0, Direction.IN, n * 1_000L, 1_700_000_000_000L, text));
                batch.add(new FeedBatch.LaneFrame(lane.id(), frame, List.of())); // decoding is not the table's work
            }
            fx(() -> vm.accept(new FeedBatch(null, List.of(), batch, List.of(), List.of())));
        }
        assertThat(fx(() -> vm.items().size())).isEqualTo(FRAMES);
        assertThat(robot.lookup("#frames-count").queryAs(Label.class).getText()).isEqualTo("1,000,000 frames");

        fx(() -> view.reveal(FRAMES - 1));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> lastRowShown(robot)));
        assertThat(fx(() -> vm.row(FRAMES - 1).preview())).contains(MARKER);
        assertThat(fx(() -> robot.lookup("#frames-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.isVisible() && !r.isEmpty()).count())).as("only the rows on screen are cells")
                .isLessThan(100);

        fx(() -> view.table().scrollTo(0));
        fx(() -> vm.search().queryProperty().set(MARKER));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> !vm.search().searchingProperty().get()
                && vm.search().matchCountProperty().get() > 0));
        assertThat(fx(() -> vm.search().matchCountProperty().get())).isEqualTo(1);
        assertThat(fx(() -> vm.selectedProperty().get())).isEqualTo(new FrameRef("user9", FRAMES / LANES - 1));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> lastRowShown(robot)
                && robot.lookup("#frames-table .search-hit").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals(MARKER))));

        fx(() -> vm.search().regexProperty().set(true));
        fx(() -> vm.search().queryProperty().set("needle-[0-9a-f]{6}"));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> !vm.search().searchingProperty().get()
                && vm.search().matchCountProperty().get() == 1));
    }

    private boolean lastRowShown(FxRobot robot) {
        return robot.lookup("#frames-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .anyMatch(r -> r.getIndex() == FRAMES - 1 && r.isVisible() && !r.isEmpty());
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(120, TimeUnit.SECONDS);
    }

    private static void fx(Runnable work) throws Exception {
        WaitForAsyncUtils.asyncFx(work).get(120, TimeUnit.SECONDS);
    }
}
