package dev.weir.internals.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class WorkerMailboxTest {

    private final WorkerMailbox mailbox = new WorkerMailbox();

    @Test
    void aRequestedCheckpointCompletesWithTheFirstCheckpointThatStartsAfterIt() {
        mailbox.checkpointStarted();
        CompletableFuture<Void> requested = mailbox.requestCheckpoint();
        assertThat(mailbox.checkpointRequested()).isTrue();

        mailbox.checkpointCompleted();
        assertThat(requested).as("the checkpoint in flight started before the request").isNotDone();

        mailbox.checkpointStarted();
        assertThat(mailbox.checkpointRequested()).isFalse();
        mailbox.checkpointCompleted();
        assertThat(requested).isCompleted();
    }

    @Test
    void aFailedCheckpointFailsTheRequestsItAnswers() {
        CompletableFuture<Void> requested = mailbox.requestCheckpoint();
        mailbox.checkpointStarted();
        CompletableFuture<Void> later = mailbox.requestCheckpoint();

        mailbox.checkpointFailed(new IllegalStateException("commit refused"));

        assertThat(requested).isCompletedExceptionally();
        assertThat(later).isNotDone();
    }

    @Test
    void closingFailsWhatWaitsAndWhatComesLater() {
        CompletableFuture<Void> checkpoint = mailbox.requestCheckpoint();
        StateRead queued = read();
        mailbox.submit(queued);

        mailbox.close(new IllegalStateException("worker 0 is STOPPED"));
        StateRead late = read();
        mailbox.submit(late);

        assertThat(checkpoint).isCompletedExceptionally();
        assertThat(queued.result()).isCompletedExceptionally();
        assertThat(late.result()).isCompletedExceptionally();
        assertThat(mailbox.requestCheckpoint()).isCompletedExceptionally();
        assertThat(mailbox.nextRead()).isNull();
    }

    @Test
    void readsAreHandedOverInOrder() {
        StateRead first = read();
        StateRead second = read();
        mailbox.submit(first);
        mailbox.submit(second);

        assertThat(mailbox.nextRead()).isSameAs(first);
        assertThat(mailbox.nextRead()).isSameAs(second);
        assertThat(mailbox.nextRead()).isNull();
    }

    private static StateRead read() {
        return new StateRead(new TaskId(0, 1), null, 7, new byte[] {1}, new CompletableFuture<>());
    }
}
