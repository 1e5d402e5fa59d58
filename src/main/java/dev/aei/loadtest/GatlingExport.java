package dev.aei.loadtest;

import dev.aei.fixture.Fixture;
import dev.aei.protocol.ClientProfile;
import dev.aei.protocol.Profile;
import dev.aei.runtime.IoReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a recording as a small standalone Maven project that load-tests the backend with Gatling:
 * a pom, one simulation generated from the recording, its support classes and a README.
 */
public final class GatlingExport {
    private static final String SOURCES = "src/test/java/" + SimulationSource.PACKAGE.replace('.', '/');
    private static final List<String> SUPPORT = List.of("AgentWire", "LoadSettings", "Tokens");

    /**
     * What was written.
     *
     * @param dir        the project folder
     * @param simulation the simulation's class name
     * @param files      the files written, relative to the folder
     * @param notes      what the recording could not pass on as recorded, for the person exporting
     */
    public record Written(Path dir, String simulation, List<Path> files, List<String> notes) {
        public Written {
            files = List.copyOf(files);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Writes the project for {@code recording} into {@code dir}, which must be empty or absent unless
     * {@code replace} is set (then the project's files are written over, others are left alone).
     * {@code recordingName} (a file name) names the simulation.
     */
    public Written write(Fixture recording, String recordingName, Path dir, GatlingSettings settings, boolean replace)
            throws GatlingExportException {
        String profileName = profileName(recording, settings);
        LoadScript script;
        try {
            script = new LoadScriptReader(Profile.load(profileName), ClientProfile.load(profileName))
                    .read(recording, settings.server(), settings.authMode());
        } catch (IllegalArgumentException e) {
            throw new GatlingExportException(e.getMessage(), e);
        }
        refuseOccupied(dir, replace);
        String base = baseName(recordingName);
        String simulation = JavaText.className(base, "Recorded") + "Simulation";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", ProjectTemplates.fill(ProjectTemplates.read("pom.xml.txt"),
                Map.of("artifactId", artifactId(base), "recording", xml(recordingName))));
        files.put("README.md", readme(script, settings, simulation, recordingName));
        files.put(".gitignore", ProjectTemplates.read("gitignore.txt"));
        files.put("src/test/resources/logback-test.xml", ProjectTemplates.read("logback-test.xml.txt"));
        for (String support : SUPPORT) {
            files.put(SOURCES + "/" + support + ".java", ProjectTemplates.read(support + ".java.txt"));
        }
        files.put(SOURCES + "/" + simulation + ".java",
                SimulationSource.render(script, settings, simulation, recordingName));
        return new Written(dir, simulation, writeAll(dir, files), script.notes());
    }

    /** A folder for a new project under {@code parent}, named after the recording and not taken yet. */
    public static Path freshFolder(Path parent, String recordingName) {
        String base = artifactId(baseName(recordingName));
        Path candidate = parent.resolve(base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = parent.resolve(base + "-" + n);
        }
        return candidate;
    }

    /** The profile asked for; else the recorded one when it can be loaded here; else netra. */
    private static String profileName(Fixture recording, GatlingSettings settings) {
        if (settings.profile() != null) {
            return settings.profile();
        }
        String recorded = recording.session().info() == null ? null : recording.session().info().profile();
        if (recorded != null && (Profile.SHIPPED.contains(recorded) || Files.isRegularFile(Path.of(recorded)))) {
            return recorded;
        }
        return "netra";
    }

    private static String readme(LoadScript script, GatlingSettings settings, String simulation, String recording) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("recording", recording);
        values.put("simulation", simulation);
        values.put("profile", script.profileName());
        values.put("authMode", script.authMode());
        values.put("lanes", script.lanes().stream().map(lane -> "`" + lane.id() + "`").collect(Collectors.joining(", ")));
        values.put("server", script.server());
        values.put("users", Integer.toString(settings.users()));
        values.put("ramp", SimulationSource.text(settings.ramp()));
        values.put("runTimeout", SimulationSource.text(settings.runTimeout()));
        values.put("ticketUrl", script.ticketUrl() == null ? "none" : script.ticketUrl());
        String readme = ProjectTemplates.fill(ProjectTemplates.read("README.md.txt"), values);
        if (script.notes().isEmpty()) {
            return readme;
        }
        return readme + "\n## Notes from the export\n\n"
                + script.notes().stream().map(note -> "- " + note + "\n").collect(Collectors.joining());
    }

    private static void refuseOccupied(Path dir, boolean replace) throws GatlingExportException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new GatlingExportException(dir + " is a file, not a folder");
        }
        if (replace || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new GatlingExportException(dir + " is not empty; choose an empty folder (or --force to write into it)");
            }
        } catch (IOException e) {
            throw new GatlingExportException("cannot read " + dir + ": " + IoReason.of(e), e);
        }
    }

    private static List<Path> writeAll(Path dir, Map<String, String> files) throws GatlingExportException {
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
                written.add(Path.of(file.getKey()));
            }
        } catch (IOException e) {
            throw new GatlingExportException("cannot write the project to " + dir + ": " + IoReason.of(e), e);
        }
        return written;
    }

    /** The file name without its folder and capture extensions, e.g. {@code q3} for {@code runs/q3.aei.json.gz}. */
    static String baseName(String recordingName) {
        String name = Path.of(recordingName).getFileName().toString();
        return name.replaceFirst("(?i)(\\.aei\\.json(\\.gz)?|\\.har|\\.jsonl|\\.json)$", "");
    }

    private static String artifactId(String base) {
        String words = JavaText.words(base).stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.joining("-"));
        return (words.isEmpty() ? "recording" : words) + "-gatling";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("--", "- -");
    }
}
