package dev.aei.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusViewModelTest {
    @Test
    void theJournalShowsByItsNameAndItsWholePathInTheTooltip() {
        StatusViewModel vm = new StatusViewModel();
        assertThat(vm.journalText().get()).isEqualTo("not recording");

        vm.journalProperty().set("/home/qa/.config/aei/sessions/session-20261205-191008.jsonl");
        vm.recordingProperty().set(true);

        assertThat(vm.journalText().get()).isEqualTo("journal: session-20261205-191008.jsonl");
        assertThat(vm.journalPath().get())
                .isEqualTo("Recording to /home/qa/.config/aei/sessions/session-20261205-191008.jsonl");
    }
}
