package dev.aei.cli;

import picocli.CommandLine.Command;

/** The {@code verify} command (not built yet). */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class VerifyCommand implements Runnable {

    @Override
    public void run() {
        System.err.println("verify: not built yet");
    }
}
