package dev.aei.ui.app;

import dev.aei.analysis.Finding;
import dev.aei.fixture.Fixture;
import dev.aei.inspect.Shown;
import dev.aei.net.LaneState;
import dev.aei.protocol.Profile;
import dev.aei.ui.feed.CaptureFeed;
import dev.aei.ui.feed.FeedPump;
import dev.aei.ui.files.OpenFileViewModel;
import dev.aei.ui.files.RecentFiles;
import dev.aei.ui.files.ReplayViewModel;
import dev.aei.ui.frames.FramesView;
import dev.aei.ui.help.Shortcut;
import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.settings.FramesPlacement;
import dev.aei.ui.settings.SettingsStore;
import dev.aei.ui.status.StatusView;
import dev.aei.ui.timeline.FrameRef;
import dev.aei.ui.timeline.FrameDecoder;
import dev.aei.ui.timeline.TimelineView;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: sign-in and faults on the left, the timeline in the middle, event detail on the
 * right, findings below, status at the bottom; or the presenter view in their place. The panels are
 * {@link AppViews}; the window builds the session, settings and file side around them, feeds them and
 * runs from show to close. What its menus and shortcuts do is {@link WindowCommands}; how the live
 * side starts once it shows is {@link LiveStart}.
 */
public final class MainWindow {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

    private final Stage stage;
    private final SettingsKeeper keeper;
    private final CaptureFeed feed = new CaptureFeed();
    private final FeedPump pump = new FeedPump(feed);
    private final SessionControl control;
    private final TimelineView timeline;
    private final AppModels models;
    private final AppViews views;
    private final BorderPane root = new BorderPane();
    private final BooleanProperty presenterOn = new SimpleBooleanProperty();
    private final BooleanProperty legendShown = new SimpleBooleanProperty(true);
    private final ThemeSwitcher theme;
    private final FileOpener opener;
    private final OpenedFile shown;
    private final ShownPanels panels;
    private final FileDrop drop;
    private final WindowPlacement placement;
    private final FileCommands files;
    private final WindowCommands commands;
    private final LiveStart liveStart;
    private boolean closed;

    /** The smallest window the layout is made for (a small laptop or projector is 1024 × 700). */
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 600;

    public MainWindow(Stage stage, AppOptions options) {
        this(stage, options, readSettings(options));
    }

    /** The window with its settings already read ({@link #readSettings}, off the FX thread). */
    public MainWindow(Stage stage, AppOptions options, AppSettings saved) {
        this.stage = stage;
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
        Notices notices = new Notices(stage);
        LiveActions live = new LiveActions(control, models, notices, options.sessionsDir(), Platform::runLater);
        models.status.recordingProperty().addListener((o, was, on) -> live.record(on));
        legendShown.set(!saved.legendHidden());
        views = new AppViews(timeline, models, control, live, legendShown, FramesPlacement.load(store.file()));
        opener = new FileOpener(RecentFiles.besideSettings(store.file()), stage, notices,
                control::runInBackground, this::view,
                () -> control.browserHar(keeper.current().profile()));
        ReplayViewModel replay = new ReplayViewModel(control.inspection()::replay);
        // the live status line is read late: the live start needs the file side built here first
        panels = new ShownPanels(timeline, models, stage, replay, this::liveStatus, live::recordFreshSession);
        shown = new OpenedFile(control, opener.model(), notices, panels, replay);
        files = new FileCommands(control, opener, shown, notices, timeline, this::liveStatus, new FxDialogs(stage));
        opener.openRecentThrough(files::open);
        models.guardNewSessions(files::whenLiveWorkIsSafe);
        drop = new FileDrop(files::open, notices);
        liveStart = new LiveStart(control, options, saved, models, notices, shown, files, views.faultsTab);
        placement = new WindowPlacement(stage, views.workspace, store);
        theme = new ThemeSwitcher(root, saved.darkTheme());
        commands = new WindowCommands(stage, models, views, files, shown, theme, presenterOn, this::close);
        views.findings.setOnExport(commands::exportFindings);
        root.setTop(new VBox(MainToolbar.menuBar(commands, opener.recentMenu(), legendShown),
                MainToolbar.toolBar(commands, views.composer, presenterOn, models.status.recordingProperty())));
        root.setCenter(views.center);
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

    /** Hands what the pump drains to the panels, and follows the frames table's placement and presenter toggle. */
    private void wire() {
        pump.addListener(batch -> {
            if (batch.shown() != null) {
                shown.shownChanged(batch.shown()); // the panels start over before the new session's items
            }
        });
        pump.addListener(timeline);
        pump.addListener(new FeedRouter(models.findings, models.presenter, models.detail,
                models.runs));
        pump.addListener(views.framesModel);
        pump.addListener(batch -> shown.replayControls().refresh());
        pump.addListener(batch -> models.status.backlogProperty().set((int) Math.min(Integer.MAX_VALUE, pump.backlog())));
        models.status.eventsPerSecondProperty().bind(pump.eventsPerSecondProperty());
        views.framesDock.placementProperty().addListener((o, was, now) -> keeper.savePlacement(now));
        presenterOn.addListener((o, was, on) -> views.showPresenter(on));
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
        // below this the findings table and the toolbar can no longer show what they hold
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        AppIcons.addTo(stage);
        stage.setOnCloseRequest(e -> {
            e.consume(); // the window closes only once unsaved work is saved or let go
            commands.quit();
        });
        drop.install(scene);
        placement.restore();
        stage.show();
        pump.start();
        liveStart.start();
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
        panels.stop();
        control.close();
    }

    private void applyState(String user, LaneState state) {
        models.signIn.applyState(user, state);
    }

    private List<String> selectedUsers() {
        return views.signIn.selectedUserIds();
    }

    private String liveStatus() {
        return liveStart.status();
    }

    private void openFinding(Finding finding) {
        if (!finding.frames().isEmpty()) {
            timeline.select(new FrameRef(finding.lane(), finding.frames().get(0)));
        }
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
        return views.frames;
    }

    /** Where the frames table sits. */
    FramesDock framesDock() {
        return views.framesDock;
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
    Menu openRecentMenu() {
        return opener.recentMenu();
    }

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
