package dev.aei.ui.app;

import dev.aei.analysis.Finding;
import dev.aei.capture.Frame;
import dev.aei.fixture.Fixture;
import dev.aei.inspect.Shown;
import dev.aei.net.LaneState;
import dev.aei.protocol.Profile;
import dev.aei.ui.composer.ComposerView;
import dev.aei.ui.detail.DetailView;
import dev.aei.ui.faults.FaultsView;
import dev.aei.ui.feed.CaptureFeed;
import dev.aei.ui.feed.FeedPump;
import dev.aei.ui.files.OpenFileViewModel;
import dev.aei.ui.files.RecentFiles;
import dev.aei.ui.files.ReplayViewModel;
import dev.aei.ui.findings.FindingsView;
import dev.aei.ui.frames.FrameActions;
import dev.aei.ui.frames.FramesView;
import dev.aei.ui.frames.FramesViewModel;
import dev.aei.ui.help.Shortcut;
import dev.aei.ui.presenter.PresenterView;
import dev.aei.ui.composer.ComposerViewModel;
import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.settings.FramesPlacement;
import dev.aei.ui.settings.SettingsStore;
import dev.aei.ui.signin.SignInView;
import dev.aei.ui.status.StatusView;
import dev.aei.ui.timeline.FrameRef;
import dev.aei.ui.timeline.FrameDecoder;
import dev.aei.ui.timeline.TimelineView;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: sign-in and faults on the left, the timeline in the middle, event detail on the
 * right, findings below, status at the bottom; or the presenter view in their place. It builds the
 * panels, lays them out and links them; what its menus and shortcuts do is {@link WindowCommands}.
 */
public final class MainWindow {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    /** How much larger the timeline draws in the presenter view. */
    private static final double PRESENTER_SCALE = 1.6;

    private final Stage stage;
    private final AppOptions options;
    private final SettingsKeeper keeper;
    private final CaptureFeed feed = new CaptureFeed();
    private final FeedPump pump = new FeedPump(feed);
    private final SessionControl control;
    private final TimelineView timeline;
    private final AppModels models;
    private final SignInView signIn;
    private final FindingsView findings;
    private final ComposerView composer;
    private final PresenterView presenter;
    private final FramesViewModel framesModel;
    private final FramesView frames;
    private final FramesDock framesDock;
    private final StackPane timelineSlot = new StackPane();
    private final StackPane center = new StackPane();
    private final SplitPane workspace;
    private final BorderPane root = new BorderPane();
    private final Tab faultsTab;
    private final BooleanProperty presenterOn = new SimpleBooleanProperty();
    private final BooleanProperty legendShown = new SimpleBooleanProperty(true);
    private final TimelinePane timelinePane;
    private final Notices notices;
    private final ThemeSwitcher theme;
    private final FileOpener opener;
    private final OpenedFile shown;
    private final FileDrop drop;
    private final WindowPlacement placement;
    private final FileCommands files;
    private final WindowCommands commands;
    /** The status line of the live session (the backend or server). */
    private String liveStatus = "";
    private boolean closed;

    public MainWindow(Stage stage, AppOptions options) {
        this(stage, options, readSettings(options));
    }

    /** The window with its settings already read ({@link #readSettings}, off the FX thread). */
    public MainWindow(Stage stage, AppOptions options, AppSettings saved) {
        this.stage = stage;
        this.options = options;
        control = new SessionControl(saved.profile(), new LatestValueRelay<>(Platform::runLater, this::applyState));
        SettingsStore store = new SettingsStore(options.settingsFile());
        keeper = new SettingsKeeper(store, saved, control::runInBackground);
        control.inspection().addListener(feed);
        // hover cards decode on demand, with the profile of whatever is shown at the time
        timeline = new TimelineView((FrameDecoder) (lane, frame) -> control.inspection().decoder().decode(lane, frame));
        timeline.setId("timeline");
        timeline.setMinSize(0, 0); // the window, not the drawing, decides the size (also after presenter mode)
        models = new AppModels(saved, control, Platform::runLater, this::openFinding,
                this::selectedUsers, history -> keeper.saveLater());
        signIn = SignInView.load(models.signIn);
        findings = new FindingsView(models.findings, this::clockText);
        composer = new ComposerView(models.composer);
        presenter = new PresenterView(models.presenter);
        notices = new Notices(stage);
        LiveActions live = new LiveActions(control, models, notices, options.sessionsDir(), Platform::runLater);
        models.status.recordingProperty().addListener((o, was, on) -> live.record(on));
        framesModel = new FramesViewModel((lane, frame) -> control.inspection().decoder().decode(lane, frame),
                control::runInBackground, Platform::runLater);
        frames = new FramesView(framesModel, new FrameActions(framesModel,
                (lanes, text) -> control.sendPrompt(lanes, text, ComposerViewModel.RAW), this::editFrame,
                models.signIn::connectedIds, models.findings::all, control::runInBackground, Platform::runLater));
        faultsTab = MainLayout.sideTab("Faults", MaterialDesignB.BUG_OUTLINE,
                FaultsView.load(models.faults, live::leakDemo).root());
        faultsTab.setDisable(true);
        opener = new FileOpener(RecentFiles.besideSettings(store.file()), stage, notices,
                control::runInBackground, this::view,
                () -> control.browserHar(keeper.current().profile()));
        ReplayViewModel replay = new ReplayViewModel(control.inspection()::replay);
        shown = new OpenedFile(control, opener.model(), notices,
                new ShownPanels(timeline, models, stage, replay, () -> liveStatus), replay);
        files = new FileCommands(control, opener, shown, notices, timeline, () -> liveStatus, new FxDialogs(stage));
        drop = new FileDrop(files::open, notices);
        legendShown.set(!saved.legendHidden());
        timelinePane = new TimelinePane(timeline, legendShown);
        timelineSlot.getChildren().setAll(timelinePane);
        timelineSlot.getStyleClass().add("timeline-slot");
        timelineSlot.setMinSize(0, 0);
        framesDock = new FramesDock(timelineSlot, frames, FramesPlacement.load(store.file()));
        workspace = MainLayout.workspace(new TabPane(MainLayout.sideTab("Users", MaterialDesignA.ACCOUNT_MULTIPLE,
                        signIn.root()), faultsTab),
                framesDock.root(), new DetailView(models.detail), findings);
        placement = new WindowPlacement(stage, workspace, store);
        center.setMinSize(0, 0);
        center.getChildren().setAll(workspace);
        theme = new ThemeSwitcher(root, saved.darkTheme());
        commands = new WindowCommands(stage, models, new WindowCommands.Views(timeline, frames, framesModel,
                framesDock, findings, composer), files, shown, theme, presenterOn, this::close);
        root.setTop(new VBox(MainToolbar.menuBar(commands, opener.recentMenu(), legendShown),
                MainToolbar.toolBar(commands, composer, presenterOn, models.status.recordingProperty())));
        root.setCenter(center);
        root.setBottom(new VBox(MainLayout.loadBar(opener.model()), MainLayout.replayBar(replay, opener.model()),
                new StatusView(models.status, models.findings)));
        root.getStyleClass().add("app-root");
        theme.darkProperty().addListener((o, a, b) -> keeper.saveLater());
        legendShown.addListener((o, a, b) -> keeper.saveLater());
        models.settings.darkThemeProperty().bindBidirectional(theme.darkProperty());
        models.settings.onChange(keeper::saveLater);
        keeper.readFrom(read -> models.signIn.toSettings(models.settings.applyTo(read)
                .withPromptHistory(models.composer.historyItems()).withLegendHidden(!legendShown.get())));
        wire();
    }

    /**
     * The saved settings with the command line's over them; reads a file and loads the profile, so
     * the app calls it on a background thread while the window shows its starting state.
     */
    public static AppSettings readSettings(AppOptions options) {
        AppSettings settings = options.overriding(new SettingsStore(options.settingsFile()).load());
        try {
            Profile.load(settings.profile()); // loads the classes reading a profile takes, ahead of the window
        } catch (RuntimeException e) {
            LOG.debug("profile {} not readable ahead: the window reports it", settings.profile(), e);
        }
        return settings;
    }

    private void wire() {
        pump.addListener(batch -> {
            if (batch.shown() != null) {
                shown.shownChanged(batch.shown()); // the panels start over before the new session's items
            }
        });
        pump.addListener(timeline);
        pump.addListener(new FeedRouter(models.findings, models.presenter, models.detail,
                models.runs));
        pump.addListener(framesModel);
        pump.addListener(batch -> shown.replayControls().refresh());
        pump.addListener(batch -> models.status.backlogProperty().set((int) Math.min(Integer.MAX_VALUE, pump.backlog())));
        models.status.eventsPerSecondProperty().bind(pump.eventsPerSecondProperty());
        timeline.selectedFrameProperty().addListener((o, was, ref) -> showDetail(ref));
        timeline.selectedFrameProperty().addListener((o, was, ref) -> framesModel.select(ref));
        timeline.selectedFrameProperty().addListener((o, was, ref) ->
                models.findings.frameSelected(ref == null ? null : ref.lane(), ref == null ? -1 : ref.frame()));
        framesModel.selectedProperty().addListener((o, was, ref) -> {
            if (ref != null && !ref.equals(timeline.getSelectedFrame())) {
                timeline.select(ref); // the timeline tells the detail pane and the findings follow from there
            }
        });
        framesDock.placementProperty().addListener((o, was, now) -> keeper.savePlacement(now));
        presenterOn.addListener((o, was, on) -> showPresenter(on));
        models.presenter.showingProperty().bind(presenterOn);
    }

    /** Shows the window and starts the backend (when embedded) and the sign-in, all in the background. */
    public void show() {
        Scene scene = new Scene(root, StartingView.width(), StartingView.height());
        scene.getStylesheets().add(MainWindow.class.getResource("app.css").toExternalForm());
        for (Shortcut s : commands.shortcuts()) {
            scene.getAccelerators().put(s.keys(), s.action());
        }
        stage.setScene(scene);
        stage.setTitle("Agent Event Inspector");
        AppIcons.addTo(stage);
        stage.setOnCloseRequest(e -> {
            e.consume(); // the window closes only once unsaved work is saved or let go
            commands.quit();
        });
        drop.install(scene);
        placement.restore();
        stage.show();
        pump.start();
        start();
    }

    private void start() {
        if (!keeper.saved().embeddedBackend()) {
            showLiveStatus("Server " + keeper.saved().serverUrl());
            connectAtStart();
            return;
        }
        showLiveStatus("Starting the embedded backend…");
        control.startEmbedded(options.backend()).whenComplete((url, error) -> Platform.runLater(() -> {
            if (error != null) {
                showLiveStatus("Embedded backend failed");
                notices.problem("The embedded backend did not start", error.getMessage());
                return;
            }
            showLiveStatus("Embedded backend " + url);
            faultsTab.setDisable(false);
            connectAtStart();
        }));
    }

    /** Sets the live status line; while a file is shown it is kept for when the user goes live. */
    private void showLiveStatus(String text) {
        liveStatus = text;
        if (!shown.showing()) {
            models.status.backendProperty().set(text);
        }
    }

    private void connectAtStart() {
        if (options.openFile() != null) {
            files.open(options.openFile());
        } else if (options.autoConnect()) {
            models.signIn.connectAll();
        }
    }

    /** Stops the pump, saves the settings and closes every socket, the journal and the backend. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pump.stop();
        placement.save();
        placement.stopFollowing();
        keeper.saveNow();
        shown.stop();
        control.close();
    }

    private void applyState(String user, LaneState state) {
        models.signIn.applyState(user, state);
    }

    private List<String> selectedUsers() {
        return signIn.selectedUserIds();
    }

    private void openFinding(Finding finding) {
        if (!finding.frames().isEmpty()) {
            timeline.select(new FrameRef(finding.lane(), finding.frames().get(0)));
        }
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

    private void showPresenter(boolean on) {
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

    private void view(Path opened, Fixture loaded) {
        control.useSettings(keeper.current()); // judged with the prompt markers set now
        shown.view(opened, loaded);
    }

    // ---- for tests ----

    /** What the menus and shortcuts do. */
    Commands commands() {
        return commands;
    }

    /** Answers the window's questions in place of dialogs. */
    void useDialogs(Dialogs answers) {
        files.useDialogs(answers);
    }

    /** What the File menu does (open, save, export), with a file or folder given instead of asked for. */
    public FileCommands files() {
        return files;
    }

    /** The timeline control. */
    public TimelineView timeline() {
        return timeline;
    }

    /** The frames table. */
    public FramesView frames() {
        return frames;
    }

    /** Where the frames table sits. */
    FramesDock framesDock() {
        return framesDock;
    }

    /** The panels' view models. */
    AppModels models() {
        return models;
    }

    /** The window's handle on its inspection. */
    public SessionControl control() {
        return control;
    }

    /** The feed pump (counts of what the UI drained). */
    public FeedPump pump() {
        return pump;
    }

    /** The open-file state (loading, viewing, recent files). */
    public OpenFileViewModel openFiles() {
        return opener.model();
    }

    /** What the panels show: the last change of what is shown that the window has drained. */
    public Shown onScreen() {
        return shown.onScreen();
    }

    /** The replay controls' state. */
    public ReplayViewModel replayControls() {
        return shown.replayControls();
    }

    /** What the window's drag-and-drop handlers call. */
    FileDrop fileDrop() {
        return drop;
    }

    /** Whether the presenter view is showing. */
    public BooleanProperty presenterProperty() {
        return presenterOn;
    }

    /** Whether the timeline's legend shows. */
    public BooleanProperty legendProperty() {
        return legendShown;
    }

    /** Whether the dark theme is on. */
    public BooleanProperty darkThemeProperty() {
        return theme.darkProperty();
    }
}
