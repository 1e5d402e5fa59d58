package dev.aei.ui.app;

import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Short, non-blocking messages in the corner of the window (and in the log). */
final class Notices {
    private static final Logger LOG = LoggerFactory.getLogger(Notices.class);
    private final Window owner;

    Notices(Window owner) {
        this.owner = owner;
    }

    void info(String title, String text) {
        LOG.info("{}: {}", title, text);
        notification(title, text).showInformation();
    }

    void problem(String title, String text) {
        LOG.warn("{}: {}", title, text);
        notification(title, text).showWarning();
    }

    private Notifications notification(String title, String text) {
        return Notifications.create().owner(owner).title(title).text(text == null ? "" : text)
                .hideAfter(Duration.seconds(6));
    }
}
