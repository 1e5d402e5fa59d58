package dev.aei.ui.app;

import dev.aei.ui.about.AboutView;
import dev.aei.ui.help.HelpDialog;
import dev.aei.ui.settings.SettingsView;
import dev.aei.ui.timeline.TimelineLegend;
import javafx.beans.property.BooleanProperty;
import javafx.stage.Stage;

/** What each menu item, toolbar button and shortcut of the main window does, on the FX thread. */
final class WindowCommands implements Commands {
    private final Stage stage;
    private final AppModels models;
    private final AppViews views;
    private final FileCommands files;
    private final OpenedFile shown;
    private final ThemeSwitcher theme;
    private final BooleanProperty presenterOn;
    private final Runnable close;

    /** {@code close} stops everything the window runs (sockets, backend, journal) once quitting is safe. */
    WindowCommands(Stage stage, AppModels models, AppViews views, FileCommands files, OpenedFile shown,
                   ThemeSwitcher theme, BooleanProperty presenterOn, Runnable close) {
        this.stage = stage;
        this.models = models;
        this.views = views;
        this.files = files;
        this.shown = shown;
        this.theme = theme;
        this.presenterOn = presenterOn;
        this.close = close;
    }

    @Override
    public void connectAll() {
        models.signIn.connectAll();
    }

    @Override
    public void disconnectAll() {
        models.signIn.disconnectAll();
    }

    @Override
    public void send() {
        models.composer.send();
    }

    @Override
    public void togglePresenter() {
        presenterOn.set(!presenterOn.get());
    }

    @Override
    public void toggleTheme() {
        theme.toggle();
    }

    @Override
    public void toggleRecording() {
        models.status.recordingProperty().set(!models.status.recordingProperty().get());
    }

    @Override
    public void zoomIn() {
        views.timeline.zoomIn();
    }

    @Override
    public void zoomOut() {
        views.timeline.zoomOut();
    }

    @Override
    public void zoomToFit() {
        views.timeline.zoomToFit();
    }

    @Override
    public void focusFindingsFilter() {
        if (views.framesDock.framesShowing() && !presenterOn.get()) {
            views.frames.focusSearch(); // Ctrl+F searches the frames while their table is on screen
        } else {
            views.findings.focusFilter();
        }
    }

    @Override
    public void filterFindings() {
        views.findings.focusFilter();
    }

    @Override
    public void searchFrames() {
        presenterOn.set(false);
        views.framesDock.showFrames();
        views.frames.focusSearch();
    }

    @Override
    public void toggleFramesPlacement() {
        views.framesDock.toggle();
    }

    @Override
    public void nextMatch() {
        views.framesModel.search().next();
    }

    @Override
    public void previousMatch() {
        views.framesModel.search().previous();
    }

    @Override
    public void focusPrompt() {
        views.composer.focusPrompt();
    }

    @Override
    public void exportTimeline() {
        files.exportTimeline();
    }

    @Override
    public void exportFindings() {
        files.exportFindings();
    }

    @Override
    public void exportGatling() {
        files.exportGatling();
    }

    @Override
    public void saveSession() {
        files.save();
    }

    @Override
    public void saveSessionAs() {
        files.saveAs();
    }

    @Override
    public void openFile() {
        files.open();
    }

    @Override
    public void replay() {
        shown.replay();
    }

    @Override
    public void nextFrame() {
        shown.nextFrame();
    }

    @Override
    public void showSettings() {
        SettingsView.show(stage, models.settings);
    }

    @Override
    public void showHelp() {
        TimelineLegend legend = new TimelineLegend(views.timeline);
        legend.setPrefWrapLength(600);
        HelpDialog.show(stage, shortcuts(), legend);
    }

    @Override
    public void showAbout() {
        AboutView.show(stage);
    }

    @Override
    public void quit() {
        files.whenLiveWorkIsSafe("quitting", () -> {
            close.run();
            stage.close();
        });
    }
}
