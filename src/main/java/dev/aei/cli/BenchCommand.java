package dev.aei.cli;

import picocli.CommandLine.Command;

/** The {@code bench} command (not built yet). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        System.err.println("bench: not built yet");
    }
}
