package dev.aei.ui.signin;

import dev.aei.auth.TestUser;
import dev.aei.ui.settings.AppSettings;
import java.util.Collection;

/** What the sign-in panel asks of the connection layer; every call returns at once and works in the background. */
public interface Connections {

    /**
     * Signs the users in with the given connection settings; false when nobody will be connected
     * (the user cancelled a question about it).
     */
    boolean connect(AppSettings settings, Collection<TestUser> users);

    /** Closes one user's socket. */
    void disconnect(String userId);

    /** Closes every socket. */
    void disconnectAll();
}
