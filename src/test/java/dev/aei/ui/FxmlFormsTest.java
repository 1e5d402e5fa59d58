package dev.aei.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every FXML form under src/main/resources loads from the class path as the app loads it, with its
 * controller made and every {@code @FXML} field of the controller filled (a renamed fx:id fails here,
 * not in front of a user).
 */
class FxmlFormsTest {
    private static final Path RESOURCES = Path.of("src", "main", "resources");

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @TestFactory
    Stream<DynamicTest> everyFormLoadsWithItsController() throws IOException {
        List<Path> forms = fxmlFiles();
        assertThat(forms).as("FXML files under %s", RESOURCES)
                .extracting(p -> p.getFileName().toString())
                .contains("SignInView.fxml", "FaultsView.fxml", "SettingsView.fxml", "AboutView.fxml");
        return forms.stream().map(form -> DynamicTest.dynamicTest(RESOURCES.relativize(form).toString(),
                () -> load(RESOURCES.relativize(form))));
    }

    private static List<Path> fxmlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".fxml")).sorted().toList();
        }
    }

    private static void load(Path relative) throws Exception {
        String name = relative.toString().replace('\\', '/');
        URL url = FxmlFormsTest.class.getResource("/" + name);
        assertThat(url).as("%s on the class path", name).isNotNull();
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> problems(url)).get(30, TimeUnit.SECONDS);
        assertThat(problems).as("loading %s", name).isEmpty();
    }

    /** What is wrong with a form: it does not load, names no controller, or leaves an @FXML field empty. */
    private static List<String> problems(URL url) {
        List<String> problems = new ArrayList<>();
        FXMLLoader loader = new FXMLLoader(url);
        try {
            Parent root = loader.load();
            if (root == null) {
                problems.add("no root");
            }
        } catch (IOException | RuntimeException e) {
            problems.add("does not load: " + e);
            return problems;
        }
        Object controller = loader.getController();
        if (controller == null) {
            problems.add("names no fx:controller");
            return problems;
        }
        for (Field field : controller.getClass().getDeclaredFields()) {
            if (field.isAnnotationPresent(FXML.class)) {
                try {
                    field.setAccessible(true);
                    if (field.get(controller) == null) {
                        problems.add("@FXML " + field.getName() + " of " + controller.getClass().getSimpleName()
                                + " has no fx:id in the form");
                    }
                } catch (IllegalAccessException e) {
                    problems.add("cannot read " + field.getName() + ": " + e.getMessage());
                }
            }
        }
        return problems;
    }
}
