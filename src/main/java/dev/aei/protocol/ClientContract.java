package dev.aei.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the backend's own client reads (a profile's {@code contract} section): per event type the
 * fields it takes and where, which it needs, what it shows without them, and which event types
 * end a run for it. A profile without a contract has {@link #NONE}, which asks for nothing.
 */
public final class ClientContract {
    /** The contract of a profile that declares none: no field is read, no end event awaited. */
    public static final ClientContract NONE = new ClientContract("the client", null, Set.of(), Map.of(), List.of());

    /** At most this many distinct paths: the decoder notes their presence in one 64-bit mask. */
    static final int MAX_PATHS = Long.SIZE;

    private final String client;
    private final String waiting;
    private final Set<String> endsRun;
    private final Map<String, List<ContractField>> events;
    private final List<String> paths;

    /**
     * @param client  who reads the events, for messages ("the netra web client")
     * @param waiting what the client shows while a run has not ended for it, or null
     * @param endsRun the event types after which the client stops showing the run as in progress;
     *                empty when the contract says nothing about the end
     * @param events  the fields read per event type, in the file's order
     * @param paths   every distinct path the fields read, indexed by the fields' masks
     */
    ClientContract(String client, String waiting, Set<String> endsRun, Map<String, List<ContractField>> events,
                   List<String> paths) {
        this.client = client;
        this.waiting = waiting;
        this.endsRun = Collections.unmodifiableSet(new LinkedHashSet<>(endsRun));
        Map<String, List<ContractField>> copy = new LinkedHashMap<>();
        events.forEach((type, fields) -> copy.put(type, List.copyOf(fields)));
        this.events = Collections.unmodifiableMap(copy);
        this.paths = List.copyOf(paths);
    }

    /** True when the contract asks for nothing. */
    public boolean isEmpty() {
        return events.isEmpty() && endsRun.isEmpty();
    }

    /** Who reads the events, e.g. "the netra web client". */
    public String client() {
        return client;
    }

    /** What the client shows while a run has not ended for it, e.g. "Processing your request…"; null if unsaid. */
    public String waiting() {
        return waiting;
    }

    /** The fields the client reads from events of this type, in the contract's order (empty if none). */
    public List<ContractField> fieldsOf(String type) {
        List<ContractField> fields = type == null ? null : events.get(type);
        return fields == null ? List.of() : fields;
    }

    /** The event types the contract names fields for. */
    public Set<String> types() {
        return events.keySet();
    }

    /** True when an event of this type ends a run for the client. */
    public boolean endsRun(String type) {
        return type != null && endsRun.contains(type);
    }

    /** The event types that end a run for the client, in the file's order. */
    public Set<String> endTypes() {
        return endsRun;
    }

    /** The end types for a sentence: "final_report or error". */
    public String endText() {
        List<String> names = List.copyOf(endsRun);
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** What the client takes from an event object of this type, field by field. */
    public List<FieldReading> read(String type, JsonNode event) {
        return fieldsOf(type).stream().map(f -> f.read(event)).toList();
    }

    /** Every distinct path the contract reads, in order; the decoder notes which of them an event holds. */
    List<String> paths() {
        return paths;
    }

    /** Reads a profile's {@code contract} section (null or absent: {@link #NONE}); {@code source} names it in errors. */
    static ClientContract read(JsonNode section, String source) {
        return ClientContractReader.read(section, source);
    }
}
