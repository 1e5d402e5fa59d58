package dev.aei.ui.detail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.analysis.Finding;
import dev.aei.capture.Frame;
import dev.aei.protocol.AgentEvent;
import dev.aei.protocol.ClientContract;
import dev.aei.protocol.FieldReading;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import dev.aei.auth.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The event detail panel's state: the selected frame formatted for reading (facts, a JSON tree) and as
 * it was received, tokens hidden in both.
 */
public final class DetailViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private final ObjectMapper json = new ObjectMapper();
    private final Redactor redactor = new Redactor();
    private final ObjectProperty<FrameDetail> detail = new SimpleObjectProperty<>();
    private final BiFunction<String, Frame, List<AgentEvent>> decoder;
    private final BiFunction<String, Integer, List<Finding>> findingsOf;
    private final Supplier<ClientContract> contract;
    private final ZoneId zone;

    /**
     * @param decoder    reads a lane's frame into events (the profile's decoder)
     * @param findingsOf the findings naming a lane's frame index
     * @param contract   what the backend's own client reads (the profile's contract)
     */
    public DetailViewModel(BiFunction<String, Frame, List<AgentEvent>> decoder,
                           BiFunction<String, Integer, List<Finding>> findingsOf, Supplier<ClientContract> contract,
                           ZoneId zone) {
        this.decoder = decoder;
        this.findingsOf = findingsOf;
        this.contract = contract;
        this.zone = zone;
    }

    /** A detail panel without the client's view. */
    public DetailViewModel(BiFunction<String, Frame, List<AgentEvent>> decoder,
                           BiFunction<String, Integer, List<Finding>> findingsOf, ZoneId zone) {
        this(decoder, findingsOf, () -> ClientContract.NONE, zone);
    }

    /** Shows a frame of a lane; null clears the panel. */
    public void show(String lane, Frame frame) {
        detail.set(frame == null ? null : describe(lane, frame));
    }

    /** Re-reads the shown frame (new findings may name it). */
    public void refresh() {
        FrameDetail current = detail.get();
        if (current != null) {
            detail.set(new FrameDetail(current.lane(), current.frame(), current.heading(), current.facts(),
                    current.json(), current.raw(), findingsOf.apply(current.lane(), current.frame()),
                    current.client()));
        }
    }

    private FrameDetail describe(String lane, Frame frame) {
        Optional<AgentEvent> event = firstEvent(lane, frame);
        JsonNode tree = parse(frame).map(redactor::tree).orElse(null);
        // the frame as received, character for character; only a secret in it is replaced
        String raw = redactor.text(frame.displayText());
        String type = event.map(AgentEvent::type).orElse(frame.opcode() == dev.aei.capture.Opcode.BINARY
                ? "binary" : "text");
        List<FrameDetail.Fact> facts = new ArrayList<>();
        facts.add(new FrameDetail.Fact("Lane", lane));
        facts.add(new FrameDetail.Fact("Frame", "#" + frame.index()));
        facts.add(new FrameDetail.Fact("Direction", frame.direction() == dev.aei.capture.Direction.IN
                ? "IN (server → " + lane + ")" : "OUT (" + lane + " → server)"));
        event.ifPresent(e -> facts.add(new FrameDetail.Fact("Role", e.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))));
        event.map(AgentEvent::runId).ifPresent(r -> facts.add(new FrameDetail.Fact("Run", r)));
        event.map(AgentEvent::seq).ifPresent(s -> facts.add(new FrameDetail.Fact("Seq", String.valueOf(s))));
        Instant received = Instant.ofEpochMilli(frame.wallMillis());
        facts.add(new FrameDetail.Fact("Received", TIME.format(received.atZone(zone))));
        event.map(AgentEvent::serverTime).ifPresent(t -> {
            facts.add(new FrameDetail.Fact("Server time", TIME.format(t.atZone(zone))));
            facts.add(new FrameDetail.Fact("Latency", Duration.between(t, received).toMillis() + " ms"));
        });
        facts.add(new FrameDetail.Fact("Size", frame.size() + " bytes"));
        event.map(AgentEvent::problem).ifPresent(p -> facts.add(new FrameDetail.Fact("Problem", p)));
        String heading = frame.direction() + " #" + frame.index() + " · " + type;
        FrameDetail.ClientView client = frame.direction() == dev.aei.capture.Direction.IN
                ? clientView(event.map(AgentEvent::type).orElse(null), tree) : null;
        return new FrameDetail(lane, frame.index(), heading, List.copyOf(facts), tree, raw,
                findingsOf.apply(lane, frame.index()), client);
    }

    /** The fields the client takes from the (redacted) event and what it displays; null if it reads none. */
    private FrameDetail.ClientView clientView(String type, JsonNode tree) {
        ClientContract reader = contract.get();
        if (reader == null || tree == null || !tree.isObject() || reader.fieldsOf(type).isEmpty()) {
            return null;
        }
        List<FrameDetail.ClientLine> lines = new ArrayList<>();
        for (FieldReading reading : reader.read(type, tree)) {
            String source = reading.missing()
                    ? "missing: reads " + reading.field().readText() + "; " + reading.foundInstead()
                    : reading.path();
            lines.add(new FrameDetail.ClientLine(reading.field().label(), reading.shown(), source, reading.missing(),
                    reading.field().needed()));
        }
        return new FrameDetail.ClientView(reader.client(), lines);
    }

    private Optional<AgentEvent> firstEvent(String lane, Frame frame) {
        try {
            return decoder.apply(lane, frame).stream().findFirst();
        } catch (RuntimeException e) {
            return Optional.empty(); // the detail view shows the raw frame whatever the profile makes of it
        }
    }

    private Optional<JsonNode> parse(Frame frame) {
        if (!frame.hasText()) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(frame.text());
            return node != null && node.isContainerNode() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The selected frame's detail, or null. */
    public ReadOnlyObjectProperty<FrameDetail> detailProperty() {
        return detail;
    }
}
