package dev.aei.cli;

import dev.aei.ui.AppLauncher;
import picocli.CommandLine.Command;

/** The {@code gui} command: opens the desktop app. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the desktop app (default: embedded backend, users alice and bob).")
public final class GuiCommand implements Runnable {

    @Override
    public void run() {
        AppLauncher.launch();
    }
}
