package dev.aei.ui.app;

import dev.aei.capture.Frame;
import dev.aei.ui.composer.ComposerView;
import dev.aei.ui.composer.ComposerViewModel;
import dev.aei.ui.detail.DetailView;
import dev.aei.ui.faults.FaultsView;
import dev.aei.ui.findings.FindingsView;
import dev.aei.ui.frames.FrameActions;
import dev.aei.ui.frames.FramesView;
import dev.aei.ui.frames.FramesViewModel;
import dev.aei.ui.presenter.PresenterView;
import dev.aei.ui.settings.FramesPlacement;
import dev.aei.ui.signin.SignInView;
import dev.aei.ui.timeline.FrameRef;
import dev.aei.ui.timeline.TimelineView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;

/**
 * Every panel's view over {@link AppModels}, laid out in the workspace (or the presenter view in its
 * place) and kept on one selected frame; built once per window, FX thread only.
 */
final class AppViews {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    /** How much larger the timeline draws in the presenter view. */
    private static final double PRESENTER_SCALE = 1.6;

    final SignInView signIn;
    final FindingsView findings;
    final ComposerView composer;
    final FramesViewModel framesModel;
    final FramesView frames;
    final FramesDock framesDock;
    /** Disabled until the embedded backend runs: only it takes fault plans. */
    final Tab faultsTab;
    /** The side tabs, the timeline with the frames table, detail and findings; its split panes are remembered. */
    final SplitPane workspace;
    /** The middle of the window: the workspace, or the presenter view in its place. */
    final StackPane center = new StackPane();
    final TimelineView timeline;
    private final PresenterView presenter;
    private final TimelinePane timelinePane;
    private final AppModels models;
    private final SessionControl control;

    /**
     * @param timeline    built before the models, whose findings select frames on it
     * @param legendShown whether the legend under the timeline shows (the View menu changes it too)
     * @param placement   where the frames table starts: a tab beside the timeline or split under it
     */
    AppViews(TimelineView timeline, AppModels models, SessionControl control, LiveActions live,
             BooleanProperty legendShown, FramesPlacement placement) {
        this.timeline = timeline;
        this.models = models;
        this.control = control;
        signIn = SignInView.load(models.signIn);
        findings = new FindingsView(models.findings, this::clockText);
        composer = new ComposerView(models.composer);
        presenter = new PresenterView(models.presenter);
        framesModel = new FramesViewModel((lane, frame) -> control.inspection().decoder().decode(lane, frame),
                control::runInBackground, Platform::runLater);
        frames = new FramesView(framesModel, new FrameActions(framesModel,
                (lanes, text) -> control.sendPrompt(lanes, text, ComposerViewModel.RAW), this::editFrame,
                models.signIn::connectedIds, models.findings::all, control::runInBackground, Platform::runLater));
        faultsTab = MainLayout.sideTab("Faults", MaterialDesignB.BUG_OUTLINE,
                FaultsView.load(models.faults, live::leakDemo).root());
        faultsTab.setDisable(true);
        timelinePane = new TimelinePane(timeline, legendShown);
        StackPane timelineSlot = new StackPane();
        timelineSlot.getChildren().setAll(timelinePane);
        timelineSlot.getStyleClass().add("timeline-slot");
        timelineSlot.setMinSize(0, 0);
        framesDock = new FramesDock(timelineSlot, frames, placement);
        workspace = MainLayout.workspace(new TabPane(MainLayout.sideTab("Users", MaterialDesignA.ACCOUNT_MULTIPLE,
                        signIn.root()), faultsTab),
                framesDock.root(), new DetailView(models.detail), findings);
        center.setMinSize(0, 0);
        center.getChildren().setAll(workspace);
        followSelectedFrame();
    }

    /** The timeline holds the selected frame; the detail pane, the frames table and the findings follow it. */
    private void followSelectedFrame() {
        timeline.selectedFrameProperty().addListener((o, was, ref) -> showDetail(ref));
        timeline.selectedFrameProperty().addListener((o, was, ref) -> framesModel.select(ref));
        timeline.selectedFrameProperty().addListener((o, was, ref) ->
                models.findings.frameSelected(ref == null ? null : ref.lane(), ref == null ? -1 : ref.frame()));
        framesModel.selectedProperty().addListener((o, was, ref) -> {
            if (ref != null && !ref.equals(timeline.getSelectedFrame())) {
                timeline.select(ref); // the timeline tells the detail pane and the findings follow from there
            }
        });
    }

    private void showDetail(FrameRef ref) {
        Frame frame = ref == null ? null : models.frame(ref.lane(), ref.frame());
        models.detail.show(ref == null ? null : ref.lane(), frame);
    }

    /** Puts a sent frame into the composer to edit, as a raw frame to the lanes it names (none: everyone). */
    private void editFrame(FrameActions.Draft draft) {
        models.composer.sendAsProperty().set(ComposerViewModel.RAW);
        models.composer.targetProperty().set(draft.lanes().size() == 1 ? draft.lanes().get(0) : ComposerViewModel.ALL);
        models.composer.promptProperty().set(draft.text());
        composer.focusPrompt();
    }

    /** Puts the presenter view, with the timeline drawn larger, in the workspace's place, or takes it back. */
    void showPresenter(boolean on) {
        if (on) {
            presenter.showTimeline(timeline);
            timeline.setScale(PRESENTER_SCALE);
            center.getChildren().setAll(presenter);
        } else {
            timelinePane.putBack();
            timeline.setScale(1.0);
            center.getChildren().setAll(workspace);
        }
    }

    private String clockText(long nanos) {
        var session = control.inspection().session();
        // the session's start, not its clock: a loaded file's clock starts when it was loaded
        return session == null ? ""
                : CLOCK.format(Instant.ofEpochMilli(session.info().startWallMillis() + nanos / 1_000_000));
    }
}
