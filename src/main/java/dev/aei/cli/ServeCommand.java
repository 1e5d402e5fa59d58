package dev.aei.cli;

import picocli.CommandLine.Command;

/** The {@code serve} command (not built yet). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class ServeCommand implements Runnable {

    @Override
    public void run() {
        System.err.println("serve: not built yet");
    }
}
