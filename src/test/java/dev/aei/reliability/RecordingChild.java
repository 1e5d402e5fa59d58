package dev.aei.reliability;

import dev.aei.auth.MintingTokenSource;
import dev.aei.auth.TestUser;
import dev.aei.capture.CaptureListener;
import dev.aei.capture.Direction;
import dev.aei.capture.Frame;
import dev.aei.capture.JournalWriter;
import dev.aei.capture.Lane;
import dev.aei.capture.Session;
import dev.aei.net.AuthMode;
import dev.aei.net.ConnectionSettings;
import dev.aei.net.SessionConnector;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A recording in its own JVM, for the crash test: connects the users, journals everything, asks
 * each for many back-to-back runs, and prints {@code received N} to stdout after every
 * {@value #EVERY} incoming frames (N counted when the frame was captured, i.e. queued for the
 * journal, not when it was written). Runs until it is killed.
 *
 * <p>Arguments: server URL, HS256 secret, journal file, runs per user, user ids.
 */
public final class RecordingChild {
    static final int EVERY = 100;
    static final String READY = "recording";

    private RecordingChild() {
    }

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args[0]);
        List<String> users = Arrays.asList(args).subList(4, args.length);
        Session session = Session.start(server.toString(), "header", "netra");
        JournalWriter.open(Path.of(args[2]), session);
        session.addListener(new Progress());
        SessionConnector connector = new SessionConnector(session, ConnectionSettings.of(server, AuthMode.HEADER),
                MintingTokenSource.hs256(args[1]));
        connector.connectAll(users.stream().map(TestUser::named).toList()).get(30, TimeUnit.SECONDS);
        System.out.println(READY);
        for (String user : users) {
            connector.send(user, "{\"type\":\"user_message\",\"payload\":{\"content\":\"keep going\","
                    + "\"thread_id\":\"t-" + user + "-1\",\"repeat\":" + args[3] + "}}");
        }
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        System.exit(3); // never reached in the test: it kills the process long before
    }

    /** Counts incoming frames in stamp order and reports every {@value #EVERY}th. */
    private static final class Progress implements CaptureListener {
        private long received;

        @Override
        public void frameAppended(Lane lane, Frame frame) {
            if (frame.direction() == Direction.IN && ++received % EVERY == 0) {
                System.out.println("received " + received);
            }
        }
    }
}
