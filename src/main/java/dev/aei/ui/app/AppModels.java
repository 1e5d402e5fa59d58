package dev.aei.ui.app;

import dev.aei.analysis.Finding;
import dev.aei.auth.TestUser;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.protocol.ClientProfile;
import dev.aei.ui.composer.ComposerViewModel;
import dev.aei.ui.detail.DetailViewModel;
import dev.aei.ui.faults.FaultsViewModel;
import dev.aei.ui.findings.FindingsViewModel;
import dev.aei.ui.presenter.PresenterViewModel;
import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.settings.SettingsViewModel;
import dev.aei.ui.signin.Connections;
import dev.aei.ui.signin.SignInViewModel;
import dev.aei.ui.signin.UserRow;
import dev.aei.ui.status.StatusViewModel;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.collections.ListChangeListener;

/** Every panel's view model, wired to the window's inspection; built once per window. */
final class AppModels {
    final SignInViewModel signIn;
    final FindingsViewModel findings;
    final DetailViewModel detail;
    final ComposerViewModel composer;
    final FaultsViewModel faults;
    final SettingsViewModel settings;
    final PresenterViewModel presenter;
    final StatusViewModel status = new StatusViewModel();
    final RunCounter runs;
    private final SessionControl control;
    private final WindowConnections connections;
    private List<String> knownUsers = List.of();

    /**
     * @param control        the inspection the panels show, and what the sign-in panel connects with
     * @param openFinding    selects a finding's first frame (on the timeline)
     * @param selectedUsers  the users picked in the sign-in table
     * @param saveHistory    stores the prompt history
     */
    AppModels(AppSettings settings, SessionControl control, Executor fx,
              Consumer<Finding> openFinding, Supplier<List<String>> selectedUsers, Consumer<List<String>> saveHistory) {
        this.control = control;
        runs = new RunCounter(type -> control.inspection().decoder().profile().isPrompt(type));
        presenter = new PresenterViewModel(() -> control.inspection().decoder().profile().contract(), control::markers);
        this.settings = new SettingsViewModel(settings);
        connections = new WindowConnections(control, this.settings::applyTo);
        signIn = new SignInViewModel(settings, connections);
        findings = new FindingsViewModel(openFinding);
        detail = new DetailViewModel((lane, frame) -> control.inspection().decoder().decode(lane, frame),
                this::findingsOf, () -> control.inspection().decoder().profile().contract(), ZoneId.systemDefault());
        Executor background = control::runInBackground;
        composer = new ComposerViewModel(control::sendPrompt, signIn::connectedIds, selectedUsers,
                settings.promptHistory(), saveHistory, background, fx);
        status.lastSendProperty().bind(composer.canariesProperty());
        // the templates follow the live session's profile (see liveShown), not the field before a connect uses it
        composer.setTemplates(templatesOf(settings.profile()));
        faults = new FaultsViewModel(runs::runs, control::setFaults, background);
        runs.onChange(faults::runsChanged); // the form moves to the next run, fired one-shot faults move down
        status.connectedProperty().bind(signIn.connectedCount());
        status.usersProperty().bind(signIn.shownCount());
        signIn.users().addListener((ListChangeListener<UserRow>) c -> usersChanged());
        usersChanged();
    }

    private void usersChanged() {
        List<String> ids = signIn.users().stream().map(UserRow::id).toList();
        if (ids.equals(knownUsers)) {
            return; // only a state or tick changed
        }
        knownUsers = ids;
        composer.setUsers(ids); // lanes: a prompt goes to each chosen connection
        // fault plans name users: a user's tabs share them
        faults.setUsers(signIn.users().stream().map(UserRow::userId).distinct().toList());
    }

    /**
     * The live session is on screen (again, or a fresh one): the composer offers the message templates
     * of the event profile that session was started with.
     */
    void liveShown() {
        Session live = control.inspection().session();
        if (live != null && live.info() != null && live.info().profile() != null) {
            composer.setTemplates(templatesOf(live.info().profile()));
        }
    }

    /** The live session's clock now, or MIN_VALUE when no session is there. */
    long liveClockNow() {
        Session live = control.inspection().session();
        return live == null ? Long.MIN_VALUE : live.clock().now();
    }

    /** The message templates an event profile offers; none while it cannot be loaded (sign-in explains why). */
    private static List<String> templatesOf(String profile) {
        try {
            return ClientProfile.load(profile).templateNames();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The findings that name a frame of a lane. */
    List<Finding> findingsOf(String lane, int frame) {
        return findings.all().stream().filter(f -> f.lane().equals(lane) && f.frames().contains(frame)).toList();
    }

    /** A captured frame by lane and index, or null. */
    Frame frame(String laneId, int index) {
        Session session = control.inspection().session();
        Lane lane = session == null ? null : session.lane(laneId);
        return lane == null || index < 0 || index >= lane.frames().size() ? null : lane.frames().get(index);
    }

    /** Asked before something drops the live session: what is about to happen, what to run then, and otherwise. */
    interface SessionGuard {
        void whenSafe(String action, Runnable then, Runnable otherwise);
    }

    /**
     * Before a connect that starts a fresh live session (another server, event profile or rules)
     * drops the current one, {@code guard} is asked.
     */
    void guardNewSessions(SessionGuard guard) {
        connections.guard = guard;
    }

    /**
     * Connects with the settings dialog's choices (network preferences, prompt marker formats), which
     * the sign-in panel knows nothing of; a connect that would replace the live session waits for the
     * guard (unsaved work is asked about first).
     */
    private static final class WindowConnections implements Connections {
        private final SessionControl to;
        private final UnaryOperator<AppSettings> preferences;
        private SessionGuard guard = (action, then, otherwise) -> then.run();

        WindowConnections(SessionControl to, UnaryOperator<AppSettings> preferences) {
            this.to = to;
            this.preferences = preferences;
        }

        @Override
        public boolean connect(AppSettings settings, Collection<TestUser> users) {
            AppSettings full = preferences.apply(settings);
            if (!to.startsNewSession(full)) {
                return to.connect(full, users);
            }
            boolean[] cancelled = {false};
            guard.whenSafe("starting a new one (the server, event profile, frame size limit or rules changed)",
                    () -> to.connect(full, users), () -> {
                        cancelled[0] = true;
                        to.showStates(users); // a save that failed later: the panel shows them connecting
                    });
            return !cancelled[0];
        }

        @Override
        public void disconnect(String userId) {
            to.disconnect(userId);
        }

        @Override
        public void disconnectAll() {
            to.disconnectAll();
        }
    }
}
