package dev.aei.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads a capture journal back into a new {@link Session}. A journal cut off by a crash (or with
 * garbled lines) loads everything that can be read; a file that is not a journal is refused
 * with a clear message.
 */
public final class JournalReader {
    private static final int MAX_PROBLEMS = 10;

    // A journal is this tool's own file: a frame at the size limit (16 MiB of binary is 22 M chars
    // of base64) must load, so string lengths are not capped at Jackson's 20 M default.
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build());
    private final JournalFormat format = new JournalFormat(json);

    /** Reads the journal file. */
    public JournalLoad load(Path file) throws IOException {
        // Undecodable bytes (a torn multi-byte character) must not abort the load: they are replaced.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            Session session = new Session(readHeader(file, in), new CaptureClock());
            return readBody(session, in);
        }
    }

    private SessionInfo readHeader(Path file, BufferedReader in) throws IOException {
        String first = in.readLine();
        while (first != null && first.isBlank()) {
            first = in.readLine();
        }
        if (first == null) {
            throw new JournalException(file + " is empty, not an aei journal");
        }
        JsonNode header = parse(first);
        String version = header == null ? "" : header.path("format").asText("");
        if (!version.startsWith(JournalFormat.FORMAT_FAMILY) || !"header".equals(header.path("line").asText())) {
            throw new JournalException(file + " is not an aei journal (its first line is not an "
                    + JournalFormat.FORMAT + " header)");
        }
        if (!version.equals(JournalFormat.FORMAT)) {
            throw new JournalException(file + " is a " + version + " journal; this version reads "
                    + JournalFormat.FORMAT);
        }
        return format.readHeader(header);
    }

    private JournalLoad readBody(Session session, BufferedReader in) throws IOException {
        int lines = 1;
        int skipped = 0;
        List<String> problems = new ArrayList<>();
        String text;
        while ((text = in.readLine()) != null) {
            lines++;
            if (text.isBlank()) {
                continue;
            }
            String problem = apply(session, text);
            if (problem != null) {
                skipped++;
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add("line " + lines + ": " + problem);
                }
            }
        }
        return new JournalLoad(session, lines, skipped, problems);
    }

    /** Applies one line to the session; returns why it could not, or null. */
    private String apply(Session session, String text) {
        JsonNode line = parse(text);
        if (line == null || !line.isObject()) {
            return "not a JSON object (cut off?)";
        }
        try {
            String laneId = line.path("lane").asText(null);
            String kind = line.path("line").asText("");
            if (laneId == null) {
                return "no lane";
            }
            switch (kind) {
                case "lane" -> session.addLane(laneId, format.readUserId(line, laneId), format.readClaims(line));
                case "frame" -> session.restore(laneOf(session, laneId), format.readFrame(line));
                case "event" -> session.restore(laneOf(session, laneId), format.readEvent(line));
                default -> {
                    return "unknown line kind \"" + kind + "\"";
                }
            }
            return null;
        } catch (RuntimeException e) {
            // hostile content (bad enum names, bad base64, null claims) costs the line, not the load
            return e.getMessage() == null ? "invalid line" : e.getMessage();
        }
    }

    private static Lane laneOf(Session session, String id) {
        Lane lane = session.lane(id);
        return lane != null ? lane : session.addLane(id, Map.of());
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
