package dev.aei.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The bench's handle on an {@link IngestSide} process: asks it for rounds and reads what it measured. */
final class SideProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final BufferedReader replies;
    private final Writer requests;
    private final Path errors;

    private SideProcess(String name, Process process, Path errors) {
        this.name = name;
        this.process = process;
        this.errors = errors;
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /**
     * Starts a side (see {@link IngestSide#main} for the arguments) with the same Java and class
     * path as this process, and waits until it is ready; its error output goes to a file in {@code dir}.
     */
    static SideProcess start(Path dir, String secret, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IngestSide.class.getName()));
        command.addAll(List.of(args));
        Path errors = dir.resolve("ingest-" + args[0] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().put(IngestSide.SECRET_VARIABLE, secret);
        SideProcess side = new SideProcess(args[0], builder.start(), errors);
        side.reply();
        return side;
    }

    /** Runs one round in the process and returns what it measured. */
    IngestRound round(String tag) throws IOException {
        requests.write("round " + tag + "\n");
        requests.flush();
        String[] done = reply().split(" ");
        if (done.length != 4 || !done[0].equals("done")) {
            throw new IOException(name + " side answered '" + String.join(" ", done) + "'");
        }
        return new IngestRound(Double.parseDouble(done[1]), Long.parseLong(done[2]), Long.parseLong(done[3]));
    }

    /** The next line the process wrote for the bench, without its prefix (other output is skipped). */
    private String reply() throws IOException {
        for (String line = replies.readLine(); line != null; line = replies.readLine()) {
            if (line.startsWith(IngestSide.REPLY)) {
                return line.substring(IngestSide.REPLY.length());
            }
        }
        throw new IOException("the " + name + " side ended: " + lastError());
    }

    private String lastError() {
        try {
            List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "(no error output)" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3),
                    lines.size()));
        } catch (IOException e) {
            return "(its error output in " + errors + " cannot be read)";
        }
    }

    /** Ends the process: its input closes, so it stops after the round it is in; forced after 30 s. */
    @Override
    public void close() throws InterruptedException {
        try {
            requests.close();
        } catch (IOException e) {
            // the process is gone already
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
