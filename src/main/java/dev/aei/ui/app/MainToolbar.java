package dev.aei.ui.app;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.aei.ui.composer.ComposerView;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.geometry.Orientation;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The menu bar and the toolbar, both built from the app's {@link Commands}. */
final class MainToolbar {

    private MainToolbar() {
    }

    static MenuBar menuBar(Commands c, Menu openRecent, BooleanProperty legendShown) {
        CheckMenuItem legend = new CheckMenuItem("Timeline legend");
        legend.setId("menu-legend");
        legend.selectedProperty().bindBidirectional(legendShown);
        Menu file = new Menu("File", null,
                item("Open…", MaterialDesignF.FOLDER_OPEN_OUTLINE, Commands.OPEN, c::openFile),
                openRecent,
                item("Replay…", MaterialDesignP.PLAY_CIRCLE_OUTLINE, null, c::replay),
                item("Save", MaterialDesignC.CONTENT_SAVE_OUTLINE, Commands.SAVE, c::saveSession),
                item("Save as…", null, Commands.SAVE_AS, c::saveSessionAs),
                new Menu("Export", new FontIcon(MaterialDesignE.EXPORT),
                        item("Timeline as PNG…", null, Commands.EXPORT, c::exportTimeline),
                        item("Findings (JSON or JUnit XML)…", null, null, c::exportFindings),
                        item("Gatling simulation…", null, null, c::exportGatling)),
                item("Settings…", MaterialDesignC.COG_OUTLINE, Commands.SETTINGS, c::showSettings),
                item("Quit", null, Commands.QUIT, c::quit));
        Menu session = new Menu("Session", null,
                item("Connect all", MaterialDesignL.LAN_CONNECT, Commands.CONNECT_ALL, c::connectAll),
                item("Disconnect all", MaterialDesignL.LAN_DISCONNECT, Commands.DISCONNECT_ALL, c::disconnectAll),
                item("Send prompt", null, Commands.SEND, c::send),
                item("Record journal on/off", MaterialDesignR.RECORD_CIRCLE, Commands.RECORD, c::toggleRecording));
        Menu view = new Menu("View", null,
                item("Presenter view", MaterialDesignP.PRESENTATION_PLAY, Commands.PRESENTER, c::togglePresenter),
                item("Zoom in", MaterialDesignM.MAGNIFY_PLUS_OUTLINE, Commands.ZOOM_IN, c::zoomIn),
                item("Zoom out", MaterialDesignM.MAGNIFY_MINUS_OUTLINE, Commands.ZOOM_OUT, c::zoomOut),
                item("Fit everything", MaterialDesignF.FIT_TO_SCREEN_OUTLINE, Commands.ZOOM_FIT, c::zoomToFit),
                legend,
                item("Filter findings", null, Commands.FILTER_FINDINGS, c::filterFindings),
                item("Search frames", MaterialDesignM.MAGNIFY, Commands.SEARCH_FRAMES, c::searchFrames),
                item("Frames table: tab or split", MaterialDesignT.TABLE, Commands.FRAMES_PLACEMENT,
                        c::toggleFramesPlacement),
                item("Light/dark theme", MaterialDesignT.THEME_LIGHT_DARK, Commands.THEME, c::toggleTheme));
        Menu help = new Menu("Help", null, item("Shortcuts, mouse and legend", MaterialDesignH.HELP_CIRCLE_OUTLINE,
                Commands.HELP, c::showHelp),
                item("About Agent Event Inspector", MaterialDesignI.INFORMATION_OUTLINE, null, c::showAbout));
        return new MenuBar(file, session, view, help);
    }

    static ToolBar toolBar(Commands c, ComposerView composer, BooleanProperty presenter, BooleanProperty recording) {
        Button connect = iconButton(MaterialDesignL.LAN_CONNECT, "Connect all (Ctrl+Shift+C)", c::connectAll);
        Button disconnect = iconButton(MaterialDesignL.LAN_DISCONNECT, "Disconnect all (Ctrl+Shift+D)", c::disconnectAll);
        ToggleButton record = new ToggleButton("Record", new FontIcon(MaterialDesignR.RECORD_CIRCLE));
        record.setId("record");
        record.getStyleClass().add("record-toggle");
        record.selectedProperty().bindBidirectional(recording);
        record.setTooltip(new Tooltip("Write a journal of everything captured (Ctrl+R)"));
        ToggleButton present = new ToggleButton("Presenter", new FontIcon(MaterialDesignP.PRESENTATION_PLAY));
        present.setId("presenter-toggle");
        present.selectedProperty().bindBidirectional(presenter);
        present.setTooltip(new Tooltip("Large view for a big screen (F11 or Ctrl+P)"));
        Button export = iconButton(MaterialDesignE.EXPORT, "Export the timeline as PNG (Ctrl+E)", c::exportTimeline);
        Button theme = iconButton(MaterialDesignT.THEME_LIGHT_DARK, "Light/dark theme (Ctrl+T)", c::toggleTheme);
        theme.setId("theme-toggle");
        Button help = iconButton(MaterialDesignH.HELP_CIRCLE_OUTLINE, "Shortcuts, mouse gestures and legend (F1)",
                c::showHelp);
        ToolBar bar = new ToolBar(connect, disconnect, new Separator(Orientation.VERTICAL), composer, new Spacer(),
                record, present, new Separator(Orientation.VERTICAL), export, theme, help);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private static Button iconButton(Ikon icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }

    private static MenuItem item(String text, Ikon icon, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        item.setAccelerator(keys);
        item.setOnAction(e -> action.run());
        return item;
    }
}
