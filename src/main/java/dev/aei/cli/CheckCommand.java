package dev.aei.cli;

import picocli.CommandLine.Command;

/** The {@code check} command (not built yet). */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class CheckCommand implements Runnable {

    @Override
    public void run() {
        System.err.println("check: not built yet");
    }
}
