package dev.aei.ui.findings;

import dev.aei.analysis.Finding;
import dev.aei.analysis.FindingsSummary;
import dev.aei.analysis.Severity;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The findings table's state: every finding so far, counts per severity, and the filters
 * (severity chips, rules, lanes, free text) that decide which rows show.
 */
public final class FindingsViewModel {
    private final ObservableList<Finding> all = FXCollections.observableArrayList();
    private final FilteredList<Finding> visible = new FilteredList<>(all);
    private final SortedList<Finding> sorted = new SortedList<>(visible);
    private final Map<Severity, BooleanProperty> shown = new EnumMap<>(Severity.class);
    private final Map<Severity, IntegerProperty> counts = new EnumMap<>(Severity.class);
    private final ObservableList<String> rules = FXCollections.observableArrayList();
    private final ObservableList<String> lanes = FXCollections.observableArrayList();
    private final ObservableList<String> chosenRules = FXCollections.observableArrayList();
    private final ObservableList<String> chosenLanes = FXCollections.observableArrayList();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<Finding> current = new SimpleObjectProperty<>();
    private final Consumer<Finding> onOpen;

    /** {@code onOpen} is told when the user opens a finding (to select its first frame). */
    public FindingsViewModel(Consumer<Finding> onOpen) {
        this.onOpen = onOpen;
        for (Severity s : Severity.values()) {
            BooleanProperty on = new SimpleBooleanProperty(true);
            on.addListener((o, a, b) -> refilter());
            shown.put(s, on);
            counts.put(s, new SimpleIntegerProperty());
        }
        chosenRules.addListener((javafx.collections.ListChangeListener<String>) c -> refilter());
        chosenLanes.addListener((javafx.collections.ListChangeListener<String>) c -> refilter());
        text.addListener((o, a, b) -> refilter());
    }

    /** Findings as text for the clipboard: one line each, as the command line prints them. */
    public static String asText(List<Finding> findings) {
        return findings.stream().map(FindingsSummary::line).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Adds findings as the analysis raised them. */
    public void addAll(List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        Set<String> newRules = new HashSet<>();
        Set<String> newLanes = new HashSet<>();
        for (Finding f : findings) {
            IntegerProperty count = counts.get(f.severity());
            count.set(count.get() + 1);
            if (!rules.contains(f.rule())) {
                newRules.add(f.rule());
            }
            if (!lanes.contains(f.lane())) {
                newLanes.add(f.lane());
            }
        }
        rules.addAll(newRules.stream().sorted().toList());
        lanes.addAll(newLanes.stream().sorted().toList());
        all.addAll(findings);
    }

    /** Removes every finding (a new session). */
    public void clear() {
        current.set(null);
        all.clear();
        rules.clear();
        lanes.clear();
        counts.values().forEach(c -> c.set(0));
    }

    /** Opens a finding: its first frame gets selected on the timeline and in the detail view. */
    public void open(Finding finding) {
        if (finding != null) {
            current.set(finding);
            onOpen.accept(finding);
        }
    }

    /**
     * Follows a frame selected elsewhere (timeline, frames table): the current finding becomes one
     * of the shown findings that names it, or none. The current one stays when it names the frame,
     * so opening the second of two findings about a frame keeps that one.
     */
    public void frameSelected(String lane, int frame) {
        Finding now = current.get();
        if (now != null && names(now, lane, frame)) {
            return;
        }
        current.set(sorted.stream().filter(f -> names(f, lane, frame)).findFirst().orElse(null));
    }

    /** The finding about the selected frame (or the one the user opened); null for none. */
    public ReadOnlyObjectProperty<Finding> currentProperty() {
        return current;
    }

    private static boolean names(Finding finding, String lane, int frame) {
        return lane != null && finding.lane().equals(lane) && finding.frames().contains(frame);
    }

    private void refilter() {
        Set<String> ruleSet = Set.copyOf(chosenRules);
        Set<String> laneSet = Set.copyOf(chosenLanes);
        String needle = text.get() == null ? "" : text.get().trim().toLowerCase(Locale.ROOT);
        visible.setPredicate(f -> shown.get(f.severity()).get()
                && (ruleSet.isEmpty() || ruleSet.contains(f.rule()))
                && (laneSet.isEmpty() || laneSet.contains(f.lane()))
                && (needle.isEmpty() || matches(f, needle)));
    }

    private static boolean matches(Finding f, String needle) {
        return (f.rule() + " " + f.lane() + " " + f.runId() + " " + f.message()).toLowerCase(Locale.ROOT)
                .contains(needle);
    }

    /** The findings that pass the filters, in a list a table can sort. */
    public SortedList<Finding> visible() {
        return sorted;
    }

    /** Every finding so far. */
    public ObservableList<Finding> all() {
        return all;
    }

    /** Whether findings of a severity show. */
    public BooleanProperty shownProperty(Severity severity) {
        return shown.get(severity);
    }

    /** How many findings of a severity there are. */
    public IntegerProperty countProperty(Severity severity) {
        return counts.get(severity);
    }

    /** Every rule id seen so far. */
    public ObservableList<String> rules() {
        return rules;
    }

    /** Every lane that has findings. */
    public ObservableList<String> lanes() {
        return lanes;
    }

    /** The rules to show; empty shows all. */
    public ObservableList<String> chosenRules() {
        return chosenRules;
    }

    /** The lanes to show; empty shows all. */
    public ObservableList<String> chosenLanes() {
        return chosenLanes;
    }

    /** Free text matched against rule, lane, run and message. */
    public StringProperty textProperty() {
        return text;
    }
}
