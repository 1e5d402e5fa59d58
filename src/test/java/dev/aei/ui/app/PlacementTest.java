package dev.aei.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aei.ui.settings.WindowLayout;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Fitting a saved window onto the screens there are now: plain geometry, no window. */
class PlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1440, 875);
    private static final Rectangle2D MONITOR = new Rectangle2D(1440, 0, 2560, 1415);

    private static WindowLayout at(double x, double y, double w, double h) {
        return new WindowLayout(x, y, w, h, false, List.of());
    }

    @Test
    void aWindowThatFitsStaysWhereItWas() {
        assertThat(Placement.fit(at(100, 50, 1200, 800), List.of(LAPTOP, MONITOR)))
                .contains(new Rectangle2D(100, 50, 1200, 800));
        assertThat(Placement.fit(at(2000, 100, 1800, 1000), List.of(LAPTOP, MONITOR)))
                .contains(new Rectangle2D(2000, 100, 1800, 1000));
    }

    @Test
    void aWindowLeftOnAScreenThatIsGoneComesBackOnThePrimaryScreenShrunkToIt() {
        assertThat(Placement.fit(at(2000, 100, 1800, 1000), List.of(LAPTOP)))
                .contains(new Rectangle2D(0, 0, 1440, 875));
    }

    @Test
    void aWindowHangingOverAnEdgeIsPulledOntoTheScreenItMostlyCovers() {
        // mostly on the monitor, its right part beyond the monitor's edge
        assertThat(Placement.fit(at(3000, 600, 1600, 1000), List.of(LAPTOP, MONITOR)))
                .contains(new Rectangle2D(4000 - 1600, 1415 - 1000, 1600, 1000));
        // above and left of the laptop's top-left corner
        assertThat(Placement.fit(at(-300, -200, 800, 600), List.of(LAPTOP, MONITOR)))
                .contains(new Rectangle2D(0, 0, 800, 600));
    }

    @Test
    void aTinySavedWindowGrowsToAUsableSizeButNeverBeyondTheScreen() {
        assertThat(Placement.fit(at(10, 10, 50, 30), List.of(LAPTOP)))
                .contains(new Rectangle2D(10, 10, Placement.MIN_WIDTH, Placement.MIN_HEIGHT));
        Rectangle2D small = new Rectangle2D(0, 0, 500, 300);
        assertThat(Placement.fit(at(10, 10, 50, 30), List.of(small))).contains(small);
    }

    @Test
    void nonsenseOnDiskIsIgnored() {
        assertThat(Placement.fit(at(Double.NaN, 0, 800, 600), List.of(LAPTOP))).isEmpty();
        assertThat(Placement.fit(at(0, 0, 0, 600), List.of(LAPTOP))).isEmpty();
        assertThat(Placement.fit(at(0, 0, 800, Double.POSITIVE_INFINITY), List.of(LAPTOP))).isEmpty();
        assertThat(Placement.fit(at(0, 0, 800, 600), List.of())).isEmpty();
    }

    @Test
    void dividersAreRestoredOnlyWhenTheyFitThePane() {
        assertThat(Placement.dividers(List.of(0.2, 0.7), 2)).hasValueSatisfying(p -> assertThat(p).containsExactly(0.2, 0.7));
        assertThat(Placement.dividers(List.of(0.2, 0.7), 1)).isEmpty();
        assertThat(Placement.dividers(List.of(0.7, 0.2), 2)).isEmpty();
        assertThat(Placement.dividers(List.of(1.5), 1)).isEmpty();
        assertThat(Placement.dividers(List.of(-0.1), 1)).isEmpty();
        assertThat(Placement.dividers(List.of(Double.NaN), 1)).isEmpty();
        assertThat(Placement.dividers(List.of(), 0)).isEmpty();
    }

    @Test
    void eachArrangementOfScreensHasItsOwnNameWhateverTheOrder() {
        String both = Placement.screensKey(List.of(LAPTOP, MONITOR));
        assertThat(Placement.screensKey(List.of(MONITOR, LAPTOP))).isEqualTo(both);
        assertThat(both).isEqualTo("1440x875@0,0 + 2560x1415@1440,0");
        assertThat(Placement.screensKey(List.of(LAPTOP))).isNotEqualTo(both);
        Rectangle2D monitorOnTheLeft = new Rectangle2D(-2560, 0, 2560, 1415);
        assertThat(Placement.screensKey(List.of(LAPTOP, monitorOnTheLeft))).isNotEqualTo(both);
    }
}
