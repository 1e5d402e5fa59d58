package dev.aei.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StampedListTest {
    @Test
    void keepsEachElementsStampAcrossChunks() {
        StampedList<String> list = new StampedList<>();
        int count = 3 * AppendOnlyList.CHUNK_SIZE + 5;
        for (int i = 0; i < count; i++) {
            assertThat(list.append("item " + i, 1_000L * i)).isEqualTo(i);
        }

        assertThat(list).hasSize(count);
        assertThat(list.get(count - 1)).isEqualTo("item " + (count - 1));
        assertThat(list.stamp(0)).isZero();
        assertThat(list.stamp(AppendOnlyList.CHUNK_SIZE)).isEqualTo(1_000L * AppendOnlyList.CHUNK_SIZE);
        assertThat(list.stamp(count - 1)).isEqualTo(1_000L * (count - 1));
        assertThatThrownBy(() -> list.stamp(count)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aReaderSeesTheStampOfEveryElementItCanSee() throws Exception {
        StampedList<Integer> list = new StampedList<>();
        int count = 200_000;
        AtomicReference<String> wrong = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            int seen = 0;
            while (seen < count) {
                int size = list.size();
                for (int i = seen; i < size; i++) {
                    if (list.stamp(i) != 7L * list.get(i)) {
                        wrong.compareAndSet(null, "element " + i);
                    }
                }
                seen = size;
            }
        });
        reader.start();
        for (int i = 0; i < count; i++) {
            list.append(i, 7L * i);
        }
        reader.join(30_000);

        assertThat(reader.isAlive()).isFalse();
        assertThat(wrong.get()).isNull();
        List<Integer> copy = new ArrayList<>(list);
        assertThat(copy).hasSize(count);
    }
}
