package dev.aei.ui.app;

import dev.aei.auth.TestUser;
import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.signin.Connections;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * The sign-in panel's connections: a connect while a file is shown first goes back to the live
 * session (the file's panels are cleared), then signs the users in; a connect with another event
 * profile starts a fresh live session the same way.
 */
final class LiveConnections implements Connections {
    private final Workbench workbench;
    private final Consumer<Runnable> goLive;
    private final Consumer<Runnable> restartLive;

    /**
     * @param goLive      runs its argument on the live session, leaving a shown file first (FX thread)
     * @param restartLive runs its argument on a fresh live session, clearing the panels first (FX thread)
     */
    LiveConnections(Workbench workbench, Consumer<Runnable> goLive, Consumer<Runnable> restartLive) {
        this.workbench = workbench;
        this.goLive = goLive;
        this.restartLive = restartLive;
    }

    @Override
    public void connect(AppSettings settings, Collection<TestUser> users) {
        Runnable connect = () -> workbench.connect(settings, users);
        if (workbench.startsNewSession(settings)) {
            restartLive.accept(connect);
        } else {
            goLive.accept(connect);
        }
    }

    @Override
    public void disconnect(String userId) {
        workbench.disconnect(userId);
    }

    @Override
    public void disconnectAll() {
        workbench.disconnectAll();
    }
}
