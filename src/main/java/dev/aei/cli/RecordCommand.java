package dev.aei.cli;

import picocli.CommandLine.Command;

/** The {@code record} command (not built yet). */
@Command(name = "record", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class RecordCommand implements Runnable {

    @Override
    public void run() {
        System.err.println("record: not built yet");
    }
}
