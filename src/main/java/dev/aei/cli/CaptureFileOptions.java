package dev.aei.cli;

import dev.aei.capture.Session;
import dev.aei.fixture.BrowserHar;
import dev.aei.fixture.FileKind;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.Progress;
import dev.aei.fixture.SessionFiles;
import dev.aei.protocol.Profile;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How {@code check} and {@code convert} read a capture file: its event profile and which HAR sockets are lanes. */
final class CaptureFileOptions {

    @Option(names = "--profile", paramLabel = "NAME|FILE",
            description = "Event profile: netra, ag-ui or a profile file (default: the one the file was recorded with, "
                    + "else netra); it also names a HAR's event socket path.")
    String profile;

    @Option(names = "--all-sockets", description = "Keep every WebSocket of a HAR, not only those at the profile's "
            + "socket path (a dev server's hot-reload socket is skipped otherwise).")
    boolean allSockets;

    /**
     * Opens a journal (also one cut off by a crash), fixture or HAR, printing what was not recovered or
     * skipped. A file with no WebSocket session in it is refused: a check of nothing must not pass.
     */
    Fixture open(SessionFiles files, Path file, PrintWriter out) throws FixtureException {
        BrowserHar browser = BrowserHar.readWith(Profile.load(profile != null ? profile : "netra"));
        Fixture loaded = files.open(file, Progress.NONE, allSockets ? browser.everySocket() : browser);
        loaded.problems().forEach(problem -> out.println("note: " + problem));
        if (loaded.session().lanes().isEmpty()) {
            throw new FixtureException(file.getFileName() + " holds no WebSocket session"
                    + (loaded.kind() == FileKind.HAR && !allSockets ? " at the profile's socket path (--all-sockets"
                    + " keeps the others)" : "") + ": nothing to read");
        }
        return loaded;
    }

    /** The profile the file's events are read with: the one asked for, else the recorded one when shipped, else netra. */
    Profile eventsOf(Session session) {
        if (profile != null) {
            return Profile.load(profile);
        }
        String recorded = session.info() == null ? null : session.info().profile();
        return Profile.load(recorded != null && Profile.SHIPPED.contains(recorded) ? recorded : "netra");
    }
}
