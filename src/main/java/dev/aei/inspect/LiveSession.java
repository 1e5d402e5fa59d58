package dev.aei.inspect;

import dev.aei.analysis.Analyzer;
import dev.aei.analysis.Finding;
import dev.aei.auth.AuthException;
import dev.aei.capture.Session;
import dev.aei.net.SessionConnector;
import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.EventDecoder;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * One live session's parts: the session, its one analysis, and the connector that feeds it. The
 * connector is replaced when the way of connecting changes (auth, token; the session and analysis go
 * on), the whole when the server or the event profile does.
 */
final class LiveSession {
    private final Session session;
    private final Analyzer analyzer;
    private final String profile;
    private final URI server;
    private SessionConnector connector;
    private LiveSettings connectedWith;

    LiveSession(Session session, Analyzer analyzer, LiveSettings settings) {
        this.session = session;
        this.analyzer = analyzer;
        this.profile = settings.profile();
        this.server = settings.server();
    }

    Session session() {
        return session;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    EventDecoder decoder() {
        return analyzer.decoder();
    }

    /**
     * True when these settings need a fresh session: another server (a session records one server,
     * and its runs, findings and replays would mix two backends), or frames read with another
     * profile, frame limit or rules.
     */
    boolean needsFreshSession(LiveSettings settings) {
        return !server.equals(settings.server()) || !profile.equals(settings.profile())
                || analyzer.decoder().maxFrameBytes() != settings.maxFrameBytes()
                || !analyzer.config().equals(settings.rules());
    }

    /**
     * Lets the time-driven rules fire now and returns the stamp they fired at; under the session's
     * append lock, so the tick queues in stamp order.
     */
    long tick() {
        synchronized (session) {
            long now = session.clock().next();
            analyzer.tick(now);
            return now;
        }
    }

    /**
     * Ends the analysis at the session clock's last stamp, taken under its append lock, and returns its
     * findings; with {@code openRunsIncomplete} runs still open are incomplete.
     */
    List<Finding> finish(boolean openRunsIncomplete) {
        synchronized (session) {
            analyzer.finish(session.lastNanos(), openRunsIncomplete);
        }
        return analyzer.findings();
    }

    /**
     * The connector for these settings: the current one when they connect the same way, else a new
     * one; the replaced connector is returned through {@code replaced} to be closed off this lock.
     */
    synchronized SessionConnector connectorFor(LiveSettings settings, Consumer<SessionConnector> created,
                                               Consumer<SessionConnector> replaced)
            throws AuthException {
        if (connector != null && settings.equals(connectedWith)) {
            return connector;
        }
        ClientProfile client = settings.clientProfile();
        SessionConnector fresh = new SessionConnector(session, settings.connection(client),
                settings.tokens().tokenSource(client.claims()), client);
        created.accept(fresh);
        if (connector != null) {
            replaced.accept(connector);
        }
        connector = fresh;
        connectedWith = settings;
        return fresh;
    }

    /** The connector, or null before the first connect. */
    synchronized SessionConnector connector() {
        return connector;
    }

    /** Closes the sockets; the session and its analysis stay as they are. */
    void close() {
        SessionConnector current;
        synchronized (this) {
            current = connector;
            connector = null;
            connectedWith = null;
        }
        if (current != null) {
            current.close();
        }
    }
}
