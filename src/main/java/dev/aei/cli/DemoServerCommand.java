package dev.aei.cli;

import picocli.CommandLine.Command;

/** The {@code demo-server} command (not built yet). */
@Command(name = "demo-server", mixinStandardHelpOptions = true, description = "Not built yet.")
public final class DemoServerCommand implements Runnable {

    @Override
    public void run() {
        System.err.println("demo-server: not built yet");
    }
}
