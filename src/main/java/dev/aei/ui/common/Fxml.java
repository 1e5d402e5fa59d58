package dev.aei.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a form laid out in FXML. The file lies in the resources beside its controller's package and
 * names the controller ({@code fx:controller}), which has a no-argument constructor; the caller then
 * binds the controller to its view model. So every form also opens as it is in Scene Builder.
 */
public final class Fxml {

    private Fxml() {
    }

    /** A loaded form: its root node and its controller. */
    public record Form<C>(Parent root, C controller) {
    }

    /** Loads {@code file} (a name beside {@code controller}'s package) and checks its controller's type. */
    public static <C> Form<C> load(Class<C> controller, String file) {
        URL url = controller.getResource(file);
        if (url == null) {
            throw new IllegalStateException("The form " + file + " is missing beside " + controller.getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        try {
            Parent root = loader.load();
            if (loader.getController() == null) {
                throw new IllegalStateException("The form " + file + " names no fx:controller");
            }
            return new Form<>(root, controller.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("The form " + file + " could not be loaded: " + e.getMessage(), e);
        }
    }
}
