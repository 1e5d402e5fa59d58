package dev.aei.ui.app;

import dev.aei.server.ReferenceBackend;
import dev.aei.ui.settings.AppSettings;
import java.net.URI;
import javafx.application.Platform;
import javafx.scene.control.Tab;

/**
 * Starts the live side once the window shows: the embedded backend (or the server the settings
 * name), then the file or the sign-in the command line asks for; and keeps the live status line,
 * which names the server each connect goes to.
 */
final class LiveStart {
    private final SessionControl control;
    private final AppOptions options;
    private final AppSettings saved;
    private final AppModels models;
    private final Notices notices;
    private final OpenedFile shown;
    private final FileCommands files;
    private final Tab faultsTab;
    /** The status line of the live session (the backend or server). */
    private String status = "";

    /**
     * @param saved     the settings read at start: embedded backend or a server
     * @param faultsTab enabled once the embedded backend runs (only it takes fault plans)
     */
    LiveStart(SessionControl control, AppOptions options, AppSettings saved, AppModels models, Notices notices,
              OpenedFile shown, FileCommands files, Tab faultsTab) {
        this.control = control;
        this.options = options;
        this.saved = saved;
        this.models = models;
        this.notices = notices;
        this.shown = shown;
        this.files = files;
        this.faultsTab = faultsTab;
        // The sign-in panel may name another server (or none, the embedded one) at any connect.
        control.addServerListener(server -> Platform.runLater(() -> showStatus(describe(server))));
    }

    /** "Embedded backend ws://…" for the app's own backend, else "Server ws://…". */
    private String describe(URI server) {
        ReferenceBackend embedded = control.backend();
        return (embedded != null && server.equals(embedded.webSocketUrl()) ? "Embedded backend " : "Server ") + server;
    }

    /** Starts the embedded backend in the background, or names the server; then connects or opens the file. */
    void start() {
        if (!saved.embeddedBackend()) {
            showStatus("Server " + saved.serverUrl());
            connectAtStart();
            return;
        }
        showStatus("Starting the embedded backend…");
        control.startEmbedded(options.backend()).whenComplete((url, error) -> Platform.runLater(() -> {
            if (error != null) {
                showStatus("Embedded backend failed");
                notices.problem("The embedded backend did not start", error.getMessage());
                return;
            }
            showStatus(describe(url));
            faultsTab.setDisable(false);
            connectAtStart();
        }));
    }

    /** The live session's status line (the backend or server), also while a file is shown instead. */
    String status() {
        return status;
    }

    /** Sets the live status line; while a file is shown it is kept for when the user goes live. */
    private void showStatus(String text) {
        status = text;
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
}
