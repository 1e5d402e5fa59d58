package dev.aei.ui.app;

import dev.aei.auth.TestUser;
import dev.aei.ui.settings.AppSettings;
import dev.aei.ui.signin.Connections;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * The sign-in panel's connections: a connect while a file is shown first goes back to the live
 * session (the file's panels are cleared), then signs the users in.
 */
final class LiveConnections implements Connections {
    private final Workbench workbench;
    private final Consumer<Runnable> goLive;

    /** @param goLive runs its argument on the live session, leaving a shown file first (FX thread) */
    LiveConnections(Workbench workbench, Consumer<Runnable> goLive) {
        this.workbench = workbench;
        this.goLive = goLive;
    }

    @Override
    public void connect(AppSettings settings, Collection<TestUser> users) {
        goLive.accept(() -> workbench.connect(settings, users));
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
