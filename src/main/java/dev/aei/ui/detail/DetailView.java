package dev.aei.ui.detail;

import atlantafx.base.theme.Styles;
import dev.aei.analysis.Finding;
import dev.aei.ui.findings.SeverityStyle;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The event detail panel: facts about the selected frame, its findings, the JSON tree (with what the
 * backend's own client takes from it beside it) and the raw text.
 */
public final class DetailView extends StackPane {
    private final Label heading = new Label();
    private final GridPane facts = new GridPane();
    private final VBox findings = new VBox(4);
    private final TreeView<String> tree = new TreeView<>();
    private final TextArea raw = new TextArea();
    private final ClientViewPane client = new ClientViewPane();
    private final ScrollPane clientScroll = new ScrollPane(client);
    private final SplitPane json = new SplitPane();
    private final SplitPane content;
    private final Label empty = new Label("Select an event on the timeline\nor a finding to see it here.");
    private final Label notJson = new Label("This frame is not JSON: the Raw tab shows it as it was received.");
    private final Tab jsonTab = new Tab("JSON", json);
    private final Tab rawTab = new Tab("Raw", raw);
    private final TabPane tabs = new TabPane(jsonTab, rawTab);
    /** True while Raw shows because the frame is not JSON, not because the user chose it. */
    private boolean rawForNonJson;

    public DetailView(DetailViewModel vm) {
        getStyleClass().add("detail-panel");
        Label title = new Label("Event detail");
        title.getStyleClass().addAll(Styles.TITLE_4, "panel-title");
        heading.getStyleClass().addAll(Styles.TEXT_BOLD, "detail-heading");
        heading.setWrapText(true);
        facts.setHgap(12);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        facts.getColumnConstraints().add(labels);
        facts.setVgap(3);
        facts.getStyleClass().add("detail-facts");
        raw.setEditable(false);
        raw.setWrapText(false); // the frame as it came: one line stays one line
        raw.getStyleClass().add("raw-text");
        raw.setId("detail-raw");
        tree.setShowRoot(true);
        tree.setId("detail-tree");
        clientScroll.setFitToWidth(true);
        clientScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        notJson.setWrapText(true);
        notJson.getStyleClass().addAll(Styles.TEXT_MUTED, "empty-hint");
        notJson.setPadding(new Insets(8));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(100);
        // the findings first: what is wrong with the frame matters more than its facts
        VBox about = new VBox(8, heading, findings, facts);
        about.setPadding(new Insets(0, 4, 8, 0));
        ScrollPane aboutScroll = new ScrollPane(about);
        aboutScroll.setFitToWidth(true);
        aboutScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        content = new SplitPane(aboutScroll, tabs);
        content.setOrientation(Orientation.VERTICAL);
        content.setDividerPositions(0.55);
        empty.getStyleClass().addAll(Styles.TEXT_MUTED, "empty-hint");
        empty.setWrapText(true);
        VBox top = new VBox(8, title, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        top.setPadding(new Insets(10));
        getChildren().addAll(top, empty);
        vm.detailProperty().addListener((o, was, now) -> show(now));
        show(null);
    }

    private void show(FrameDetail d) {
        content.setVisible(d != null);
        empty.setVisible(d == null);
        if (d == null) {
            return;
        }
        heading.setText(d.heading());
        facts.getChildren().clear();
        int row = 0;
        for (FrameDetail.Fact fact : d.facts()) {
            Label label = new Label(fact.label());
            label.getStyleClass().add(Styles.TEXT_MUTED);
            Label value = wrapping(new Label(fact.value()));
            value.getStyleClass().add("fact-value");
            facts.addRow(row++, label, value);
        }
        findings.getChildren().clear();
        for (Finding f : d.findings()) {
            Label line = wrapping(new Label(f.rule() + ": " + f.message(), SeverityStyle.icon(f.severity())));
            line.getStyleClass().addAll("detail-finding", SeverityStyle.styleClass(f.severity()));
            line.setMaxWidth(Double.MAX_VALUE); // wraps at the panel's width instead of running past it
            line.setId("detail-finding-" + f.rule());
            findings.getChildren().add(line);
        }
        tree.setRoot(d.json() == null ? null : JsonTree.of(d.json()));
        showRawWhenNotJson(d.json() == null);
        if (d.json() == null) {
            json.getItems().setAll(notJson);
        } else if (d.client() == null) {
            json.getItems().setAll(tree);
        } else {
            client.show(d.client());
            if (json.getItems().size() < 2 || !json.getItems().contains(tree)) {
                json.getItems().setAll(tree, clientScroll);
                json.setDividerPositions(0.6);
            }
        }
        raw.setText(d.raw());
    }

    /** A frame that is not JSON opens on Raw; the next JSON frame returns to the JSON tab, unless Raw was chosen. */
    private void showRawWhenNotJson(boolean notJsonFrame) {
        if (notJsonFrame && tabs.getSelectionModel().getSelectedItem() == jsonTab) {
            tabs.getSelectionModel().select(rawTab);
            rawForNonJson = true;
        } else if (!notJsonFrame && rawForNonJson) {
            if (tabs.getSelectionModel().getSelectedItem() == rawTab) {
                tabs.getSelectionModel().select(jsonTab);
            }
            rawForNonJson = false;
        }
    }

    /** A label that wraps and grows in height instead of cutting its text off. */
    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
