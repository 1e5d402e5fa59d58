package dev.aei.ui.app;

import dev.aei.capture.Direction;
import dev.aei.protocol.AgentEvent;
import dev.aei.ui.detail.DetailViewModel;
import dev.aei.ui.feed.FeedBatch;
import dev.aei.ui.findings.FindingsViewModel;
import dev.aei.ui.presenter.PresenterViewModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hands each drained batch (on the FX thread) to the panels other than the timeline: findings,
 * presenter cards, run counts, and the detail view when a new finding names the shown frame.
 */
final class FeedRouter implements Consumer<FeedBatch> {
    private final FindingsViewModel findings;
    private final PresenterViewModel presenter;
    private final DetailViewModel detail;
    private final RunCounter runs;

    FeedRouter(FindingsViewModel findings, PresenterViewModel presenter,
               DetailViewModel detail, RunCounter runs) {
        this.findings = findings;
        this.presenter = presenter;
        this.detail = detail;
        this.runs = runs;
    }

    @Override
    public void accept(FeedBatch batch) {
        batch.lanes().forEach(presenter::laneAdded);
        Map<String, List<AgentEvent>> byLane = new LinkedHashMap<>();
        for (FeedBatch.LaneFrame f : batch.frames()) {
            runs.see(f.lane(), f.events());
            if (f.frame().direction() == Direction.IN) {
                byLane.computeIfAbsent(f.lane(), k -> new ArrayList<>()).addAll(f.events());
            }
        }
        byLane.forEach(presenter::acceptAll);
        batch.laneEvents().forEach(e -> presenter.laneEvent(e.lane(), e.event()));
        if (!batch.findings().isEmpty()) {
            findings.addAll(batch.findings());
            batch.findings().forEach(presenter::finding);
            detail.refresh();
        }
    }
}
