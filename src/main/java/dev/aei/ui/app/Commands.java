package dev.aei.ui.app;

import dev.aei.ui.help.Shortcut;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The app's commands and their keys; menus, toolbar, accelerators and the help dialog all use these. */
interface Commands {
    KeyCombination CONNECT_ALL = keys(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    KeyCombination DISCONNECT_ALL = keys(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    KeyCombination FOCUS_PROMPT = keys(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    KeyCombination SEND = keys(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    KeyCombination PRESENTER = keys(KeyCode.F11);
    KeyCombination PRESENTER_ALT = keys(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    KeyCombination RECORD = keys(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    KeyCombination ZOOM_IN = keys(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN);
    KeyCombination ZOOM_OUT = keys(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
    KeyCombination ZOOM_FIT = keys(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
    KeyCombination FIND = keys(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    KeyCombination EXPORT = keys(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    KeyCombination OPEN = keys(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    KeyCombination NEXT_FRAME = keys(KeyCode.F8);
    KeyCombination SAVE = keys(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    KeyCombination SAVE_AS = keys(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    KeyCombination THEME = keys(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    KeyCombination SETTINGS = keys(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);
    KeyCombination HELP = keys(KeyCode.F1);
    KeyCombination QUIT = keys(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
    KeyCombination SEARCH_FRAMES = keys(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    KeyCombination FILTER_FINDINGS = keys(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN);
    KeyCombination FRAMES_PLACEMENT = keys(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    KeyCombination NEXT_MATCH = keys(KeyCode.F3);
    KeyCombination PREVIOUS_MATCH = keys(KeyCode.F3, KeyCombination.SHIFT_DOWN);

    void connectAll();

    void disconnectAll();

    void send();

    void togglePresenter();

    void toggleTheme();

    void toggleRecording();

    void zoomIn();

    void zoomOut();

    void zoomToFit();

    void focusFindingsFilter();

    void focusPrompt();

    /** Focuses the findings' text filter, whatever else shows. */
    void filterFindings();

    /** Shows the frames table and puts the caret in its search field. */
    void searchFrames();

    /** Moves the frames table between a tab beside the timeline and a split under it. */
    void toggleFramesPlacement();

    /** Selects the next frame matching the frames search. */
    void nextMatch();

    /** Selects the previous frame matching the frames search. */
    void previousMatch();

    void exportTimeline();

    /** Writes the findings of what is shown as JSON or JUnit XML (File &gt; Export). */
    void exportFindings();

    /** Writes what is shown as a Gatling load-test project (File &gt; Export). */
    void exportGatling();

    void saveSession();

    void saveSessionAs();

    void openFile();

    void replay();

    void nextFrame();

    void showSettings();

    void showHelp();

    void showAbout();

    void quit();

    /** Every shortcut, in the order the help dialog lists them. */
    default List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut(CONNECT_ALL, "Connect all enabled users", this::connectAll),
                new Shortcut(DISCONNECT_ALL, "Disconnect everyone", this::disconnectAll),
                new Shortcut(FOCUS_PROMPT, "Go to the prompt field", this::focusPrompt),
                new Shortcut(SEND, "Send the prompt (Enter in the field too)", this::send),
                new Shortcut(PRESENTER, "Presenter view on/off", this::togglePresenter),
                new Shortcut(PRESENTER_ALT, "Presenter view on/off", this::togglePresenter),
                new Shortcut(RECORD, "Record a journal on/off", this::toggleRecording),
                new Shortcut(ZOOM_IN, "Zoom in (+ on the timeline)", this::zoomIn),
                new Shortcut(ZOOM_OUT, "Zoom out (- on the timeline)", this::zoomOut),
                new Shortcut(ZOOM_FIT, "Fit everything (F on the timeline)", this::zoomToFit),
                new Shortcut(FIND, "Search the frames while their table shows, else filter the findings",
                        this::focusFindingsFilter),
                new Shortcut(FILTER_FINDINGS, "Filter the findings", this::filterFindings),
                new Shortcut(SEARCH_FRAMES, "Show the frames table and search its payloads", this::searchFrames),
                new Shortcut(NEXT_MATCH, "Next frame matching the search (Enter in the field)", this::nextMatch),
                new Shortcut(PREVIOUS_MATCH, "Previous matching frame (Shift+Enter in the field)", this::previousMatch),
                new Shortcut(FRAMES_PLACEMENT, "Frames table as a tab or split under the timeline",
                        this::toggleFramesPlacement),
                new Shortcut(EXPORT, "Export the timeline as PNG", this::exportTimeline),
                new Shortcut(OPEN, "Open a fixture, journal or HAR file", this::openFile),
                new Shortcut(NEXT_FRAME, "Replay the next frame of the opened file", this::nextFrame),
                new Shortcut(SAVE, "Save the session (to the file it came from or was last saved to)", this::saveSession),
                new Shortcut(SAVE_AS, "Save the session as a fixture or HAR file", this::saveSessionAs),
                new Shortcut(THEME, "Light/dark theme", this::toggleTheme),
                new Shortcut(SETTINGS, "Settings (theme, connections, prompt markers)", this::showSettings),
                new Shortcut(HELP, "This help", this::showHelp),
                new Shortcut(QUIT, "Quit", this::quit));
    }

    private static KeyCombination keys(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }
}
