package org.rujuk.connector.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rujuk.connector.config.TestProperties;

class FolderDeliveryTest {

    @TempDir
    Path dir;

    private static final Instant SENT_AT = Instant.parse("2026-11-28T02:31:12.345Z");

    @Test
    void namesAFileAfterWhenTheHubSentItAndItsIdempotencyKey() {
        UUID id = UUID.fromString("3f2b8c1e-6d4a-4e8b-9c7d-2a1f0e9b8c7d");

        assertThat(FolderDelivery.fileName(message("status:" + id + ":accepted", SENT_AT)))
                .isEqualTo("20261128T023112345Z-status-" + id + "-accepted.json");
        assertThat(FolderDelivery.fileName(message("rejection:amq:1234", null))).isEqualTo("rejection-amq-1234.json");
    }

    @Test
    void neverNamesAFileOutsideTheFolderOrHidden() {
        assertThat(FolderDelivery.fileName(message("../../etc/passwd", null))).isEqualTo("-..-..-etc-passwd.json");
        assertThat(FolderDelivery.fileName(message(".hidden", null))).isEqualTo("-.hidden.json");
    }

    @Test
    void replacesTheFileWhenTheSameMessageIsDeliveredAgain() throws Exception {
        var folder = new FolderDelivery(TestProperties.of("police", null, null, dir.resolve("inbox")));
        var message = message("receipt:" + UUID.randomUUID(), SENT_AT);

        folder.write(message);
        folder.write(message);

        try (var files = Files.list(dir.resolve("inbox"))) {
            assertThat(files.toList()).singleElement().satisfies(file -> {
                assertThat(file.getFileName().toString()).isEqualTo(FolderDelivery.fileName(message));
                assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"receipt\"}");
            });
        }
    }

    @Test
    void saysWhenTheFolderCannotBeWritten() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        var folder = new FolderDelivery(TestProperties.of("police", null, null, notADirectory));

        var failure = catchThrowableOfType(
                () -> folder.write(message("receipt:1", SENT_AT)), DeliveryFailedException.class);

        assertThat(failure.reason()).isEqualTo(DeliveryFailedException.Reason.FOLDER);
        assertThat(failure.getMessage()).startsWith("inbox folder could not be written");
    }

    private static InboxMessage message(String key, Instant sentAt) {
        return new InboxMessage("ID:1", key, "receipt", null, "{\"type\":\"receipt\"}".getBytes(StandardCharsets.UTF_8),
                1, sentAt);
    }
}
