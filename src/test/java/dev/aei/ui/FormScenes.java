package dev.aei.ui;

import atlantafx.base.theme.PrimerLight;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Shows a form alone in a window styled as in the app, and saves screenshots of it for a look. */
public final class FormScenes {
    /** Where GUI tests leave their screenshots. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private FormScenes() {
    }

    /** Puts {@code form} in the stage with the app's theme and stylesheet (on the FX thread). */
    public static Scene show(Stage stage, Parent form, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(form, width, height);
        scene.getStylesheets().add(FormScenes.class.getResource("/dev/aei/ui/app/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    /** Opens a choice box and clicks one of its items (by text, only among the open popup's items). */
    public static void pick(FxRobot robot, String choiceBox, String item) {
        robot.clickOn(choiceBox);
        Node entry = robot.lookup(".context-menu .menu-item .label")
                .match(n -> n instanceof Labeled l && item.equals(l.getText()) && n.isVisible())
                .query();
        robot.clickOn(entry);
    }

    /** Saves a PNG of the scene under target/screenshots and returns its path. */
    public static Path screenshot(Scene scene, String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        BufferedImage png = javafx.embed.swing.SwingFXUtils.fromFXImage(image, null);
        ImageIO.write(png, "png", file.toFile());
        return file;
    }
}
