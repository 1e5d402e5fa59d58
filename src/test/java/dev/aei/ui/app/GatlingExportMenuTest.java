package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.protocol.EventRole;
import dev.aei.server.BackendConfig;
import dev.aei.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File &gt; Export &gt; Gatling simulation writes the live session as a load-test project, off the FX thread. */
class GatlingExportMenuTest {
    @TempDir
    Path dir;

    @Test
    void theLiveSessionBecomesAGatlingProjectInANewFolder() throws Exception {
        try (AppDriver driver = new AppDriver(dir, List.of(), BackendConfig.defaults().withEventDelayMs(5))) {
            driver.waitFor("alice and bob are connected", () -> driver.models().signIn.connectedIds().size() == 2);
            assertThat(driver.fx(() -> exportItem(driver.lookup(".menu-bar"), "Gatling simulation…"))).isPresent();
            driver.onFx(() -> {
                driver.models().composer.promptProperty().set("Compare Q3 costs");
                driver.models().composer.send();
            });
            driver.waitFor("both runs completed", () -> driver.roles("alice").contains(EventRole.COMPLETED)
                    && driver.roles("bob").contains(EventRole.COMPLETED));
            Path parent = Files.createDirectories(dir.resolve("exports"));

            driver.onFx(() -> driver.window.files().exportGatling(parent));

            Path simulation = parent.resolve("live-session-gatling/src/test/java/aei/loadtest/LiveSessionSimulation.java");
            Await.until("the simulation is written", () -> written(simulation));
            assertThat(parent.resolve("live-session-gatling/pom.xml")).isRegularFile();
            assertThat(Files.readString(simulation)).contains("scenario(\"alice\")", "scenario(\"bob\")",
                    "WIRE.firstStep(\"agent_started\", \"started\")", "WIRE.step(\"agent_completed\", \"completed\")");
        }
    }

    /** The item of File &gt; Export with this text. */
    private static Optional<MenuItem> exportItem(MenuBar bar, String text) {
        return bar.getMenus().stream().filter(m -> m.getText().equals("File"))
                .flatMap(file -> file.getItems().stream())
                .filter(item -> item instanceof Menu menu && menu.getText().equals("Export"))
                .flatMap(export -> ((Menu) export).getItems().stream())
                .filter(item -> text.equals(item.getText())).findFirst();
    }

    private static boolean written(Path file) {
        try {
            return Files.isRegularFile(file) && Files.readString(file).stripTrailing().endsWith("}");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
