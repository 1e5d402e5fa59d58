package dev.aei.ui.frames;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aei.analysis.Finding;
import dev.aei.auth.Redactor;
import dev.aei.capture.Frame;
import dev.aei.inspect.Mode;
import dev.aei.net.SentPrompt;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the frames table's context menu does with a frame: copy it (raw or pretty JSON, secrets
 * hidden as in every export), copy its run as a fixture snippet, and send a sent frame again (as is
 * or edited first) through the live session's sending path, to its user, another user or everyone.
 */
public final class FrameActions {
    private final FramesViewModel table;
    private final Sender sender;
    private final Consumer<Draft> edit;
    private final Supplier<List<String>> connected;
    private final Supplier<List<Finding>> findings;
    private final Executor background;
    private final Executor fx;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final StringProperty outcome = new SimpleStringProperty("");

    /** Sends one text frame exactly as given to each lane at the same instant; may block. */
    @FunctionalInterface
    public interface Sender {
        List<SentPrompt> send(Collection<String> lanes, String text);
    }

    /**
     * A frame to edit before it goes out again.
     *
     * @param text  the frame's exact text
     * @param lanes who it goes to; empty means everyone connected
     */
    public record Draft(String text, List<String> lanes) {
        public Draft {
            lanes = List.copyOf(lanes);
        }
    }

    /**
     * @param sender     the live session's sending path
     * @param edit       opens a frame for editing before it is sent (the composer)
     * @param connected  the lanes connected now
     * @param findings   every finding of what is shown (for run snippets)
     * @param background runs the (blocking) send
     * @param fx         reports its outcome on the FX thread
     */
    public FrameActions(FramesViewModel table, Sender sender, Consumer<Draft> edit, Supplier<List<String>> connected,
                        Supplier<List<Finding>> findings, Executor background, Executor fx) {
        this.table = table;
        this.sender = sender;
        this.edit = edit;
        this.connected = connected;
        this.findings = findings;
        this.background = background;
        this.fx = fx;
    }

    // ---- copy ----

    /** The frame's payload exactly as received, secrets hidden; null without a selection. */
    public String copyRaw() {
        Frame frame = selectedFrame();
        return frame == null ? null : new Redactor().text(FramePayload.searchText(frame));
    }

    /** The frame's JSON indented (secrets hidden), or its raw text when it is no JSON. */
    public String copyPretty() {
        Frame frame = selectedFrame();
        if (frame == null) {
            return null;
        }
        if (frame.hasText()) {
            try {
                JsonNode tree = json.readTree(frame.text());
                if (tree != null && tree.isContainerNode()) {
                    return json.writeValueAsString(new Redactor().tree(tree));
                }
            } catch (IOException e) {
                // not JSON: the raw text below
            }
        }
        return copyRaw();
    }

    /** Why the selected frame's run cannot be copied, or null when it can. */
    public String runBlocker() {
        int row = table.selectedRow();
        if (row < 0) {
            return "Select a frame first.";
        }
        return table.rows().runId(row) == FrameRows.NONE ? "This frame belongs to no run." : null;
    }

    /** The selected frame's run as a fixture snippet (redacted); null when {@link #runBlocker()} says why not. */
    public String copyRun() {
        if (runBlocker() != null) {
            return null;
        }
        return RunSnippet.of(table.rows(), table.session(), table.selectedRow(), findings.get());
    }

    // ---- resend ----

    /**
     * Why the selected frame cannot be sent again to {@code lanes} (empty: everyone connected), or
     * null when it can.
     */
    public String resendBlocker(List<String> lanes) {
        int row = table.selectedRow();
        if (row < 0) {
            return "Select a frame first.";
        }
        if (!table.rows().sent(row)) {
            return "Only frames this tool sent (↑) can be sent again.";
        }
        if (table.mode() != Mode.LIVE) {
            return "Sending again needs the live session: this frame is from an opened file.";
        }
        if (!table.rows().frame(row).hasText()) {
            return "Only text frames can be sent again.";
        }
        List<String> now = connected.get();
        if (now.isEmpty()) {
            return "Nobody is connected: connect a user first.";
        }
        List<String> missing = lanes.stream().filter(l -> !now.contains(l)).toList();
        return missing.isEmpty() ? null : String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                + " not connected.";
    }

    /** The selected frame's own lane. */
    public List<String> sameUser() {
        int row = table.selectedRow();
        return row < 0 ? List.of() : List.of(table.rows().lane(table.rows().laneOf(row)).id());
    }

    /** The lanes connected now, for "send as another user". */
    public List<String> connectedLanes() {
        return connected.get();
    }

    /** Sends the selected sent frame again, exactly, to {@code lanes} (empty: everyone); false with a reason when it cannot. */
    public boolean resend(List<String> lanes) {
        String blocker = resendBlocker(lanes);
        if (blocker != null) {
            outcome.set(blocker);
            return false;
        }
        String text = table.rows().frame(table.selectedRow()).text();
        List<String> to = lanes.isEmpty() ? connected.get() : lanes;
        outcome.set("Sending to " + String.join(", ", to) + "…");
        background.execute(() -> {
            String said;
            try {
                List<SentPrompt> sent = sender.send(to, text);
                said = sent.isEmpty() ? "Not sent: no connected socket."
                        : "Sent again to " + sent.stream().map(SentPrompt::user).collect(Collectors.joining(", "));
            } catch (RuntimeException e) {
                said = "Not sent: " + e.getMessage();
            }
            String shown = said;
            fx.execute(() -> outcome.set(shown));
        });
        return true;
    }

    /** Opens the selected sent frame for editing, addressed to {@code lanes} (empty: everyone). */
    public boolean editFirst(List<String> lanes) {
        String blocker = resendBlocker(lanes);
        if (blocker != null) {
            outcome.set(blocker);
            return false;
        }
        edit.accept(new Draft(table.rows().frame(table.selectedRow()).text(), lanes));
        outcome.set("Edit the frame in the prompt field, then send it (Ctrl+Enter).");
        return true;
    }

    /** What the last copy or send did, or why it could not. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }

    /** Tells the user what a copy put on the clipboard. */
    public void copied(String what) {
        outcome.set(what);
    }

    private Frame selectedFrame() {
        int row = table.selectedRow();
        return row < 0 ? null : table.rows().frame(row);
    }
}
