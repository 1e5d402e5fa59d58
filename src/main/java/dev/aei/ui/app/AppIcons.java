package dev.aei.ui.app;

import java.io.InputStream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The app icon at every size it ships in, for the window and the task bar. */
final class AppIcons {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256, 512};

    private AppIcons() {
    }

    static void addTo(Stage stage) {
        for (int size : SIZES) {
            InputStream png = AppIcons.class.getResourceAsStream("/dev/aei/ui/icons/aei-" + size + ".png");
            if (png != null) {
                stage.getIcons().add(new Image(png));
            }
        }
    }
}
