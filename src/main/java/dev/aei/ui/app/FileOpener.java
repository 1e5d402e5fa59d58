package dev.aei.ui.app;

import dev.aei.fixture.BrowserHar;
import dev.aei.fixture.Fixture;
import dev.aei.fixture.FixtureException;
import dev.aei.fixture.SessionFiles;
import dev.aei.ui.files.OpenFileViewModel;
import dev.aei.ui.files.RecentFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens fixtures, journals and HAR files off the FX thread with progress, shows a clear error for
 * bad files, and keeps the Open Recent menu.
 */
final class FileOpener {
    private static final Logger LOG = LoggerFactory.getLogger(FileOpener.class);

    private final OpenFileViewModel model;
    private final RecentFiles store;
    private final Window owner;
    private final Notices notices;
    private final Consumer<Runnable> background;
    private final BiConsumer<Path, Fixture> onOpened;
    private final Supplier<BrowserHar> browser;
    private final Menu recentMenu = new Menu("Open Recent");
    /** What choosing a recent file does: {@link #open}, once the window has put its unsaved-work question before it. */
    private Consumer<Path> openRecent = this::open;
    private boolean saveScheduled;

    /**
     * @param browser how a browser's HAR is read: with the event profile in use, and only the sockets
     *                at its path (a dev server's hot reload, say, is left out and named in a notice)
     */
    FileOpener(RecentFiles store, Window owner, Notices notices, Consumer<Runnable> background,
               BiConsumer<Path, Fixture> onOpened, Supplier<BrowserHar> browser) {
        this.model = new OpenFileViewModel(store.load());
        this.store = store;
        this.owner = owner;
        this.notices = notices;
        this.background = background;
        this.onOpened = onOpened;
        this.browser = browser;
        recentMenu.setId("open-recent");
        model.recent().addListener((ListChangeListener<Path>) c -> {
            fillRecent();
            saveRecentSoon(); // a file opened, saved or gone
        });
        fillRecent();
    }

    /** Loads the file in the background; on the FX thread afterwards, shows it or an error dialog. One load at a time. */
    void open(Path file) {
        if (model.loadingProperty().get()) {
            notices.problem(file.getFileName() + " was not opened",
                    "Another file is still being loaded or saved; open it again when that is done.");
            return;
        }
        BrowserHar how = browser.get();
        new FileJob<>(progress -> SessionFiles.defaults().open(file, progress, how)).start(model, background::accept,
                loaded -> {
                    model.opened(file);
                    onOpened.accept(file, loaded);
                    if (!loaded.problems().isEmpty()) {
                        notices.info(file.getFileName() + ": not everything was taken",
                                String.join("\n", loaded.problems()));
                    }
                }, error -> {
                    boolean gone = Files.notExists(file);
                    if (gone && model.recent().contains(file.toAbsolutePath())) {
                        model.gone(file);
                        showError(file, error.getMessage() + " (it was taken off Open Recent)");
                    } else {
                        model.failed();
                        showError(file, error instanceof FixtureException ? error.getMessage()
                                : error.getClass().getSimpleName() + ": " + error.getMessage());
                    }
                });
    }

    /** Recent files open through {@code guarded} (which asks before dropping unsaved work) from now on. */
    void openRecentThrough(Consumer<Path> guarded) {
        openRecent = guarded;
    }

    OpenFileViewModel model() {
        return model;
    }

    Menu recentMenu() {
        return recentMenu;
    }

    private void showError(Path file, String why) {
        LOG.warn("{} could not be opened: {}", file, why);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("Open failed");
        alert.setHeaderText(file.getFileName() + " could not be opened");
        alert.setContentText(why);
        alert.getDialogPane().setId("open-error");
        alert.show();
    }

    private void fillRecent() {
        List<MenuItem> items = model.recent().stream().map(this::recentItem).toList();
        recentMenu.getItems().setAll(items);
        recentMenu.setDisable(items.isEmpty());
    }

    private MenuItem recentItem(Path file) {
        MenuItem item = new MenuItem(file.toString());
        item.setMnemonicParsing(false);
        item.setOnAction(e -> openRecent.accept(file));
        return item;
    }

    /**
     * Stores the list once the change that is under way is complete: moving a file to the top is a
     * removal and an insertion, and two stores racing on background threads could keep the older list.
     */
    private void saveRecentSoon() {
        if (!saveScheduled) {
            saveScheduled = true;
            Platform.runLater(() -> {
                saveScheduled = false;
                saveRecent();
            });
        }
    }

    private void saveRecent() {
        List<Path> snapshot = List.copyOf(model.recent());
        background.accept(() -> {
            try {
                store.save(snapshot);
            } catch (IOException e) {
                LOG.warn("Recent files could not be saved: {}", e.getMessage());
            }
        });
    }
}
