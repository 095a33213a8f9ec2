package org.rujuk.connector.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.rujuk.connector.config.ConnectorProperties;
import org.rujuk.connector.delivery.DeliveryFailedException.Reason;
import org.springframework.stereotype.Component;

/**
 * Writes one inbox message as a file into {@code inbox-dir}, atomically: to a hidden temporary file first, forced to
 * disk, then renamed. The name is the same every time the same message is delivered — when the hub sent it, then
 * its idempotency key, e.g. {@code 20261128T023112345Z-status-<referralId>-accepted.json} — so a redelivery
 * replaces the file instead of adding a second one, and names sort in the order the hub sent them.
 */
@Component
class FolderDelivery {

    private static final DateTimeFormatter SENT_AT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;

    FolderDelivery(ConnectorProperties properties) {
        this.dir = properties.inboxDir();
    }

    void write(InboxMessage message) throws DeliveryFailedException {
        String name = fileName(message);
        Path temp = dir.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(dir);
            try (var channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                var buffer = ByteBuffer.wrap(message.body());
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
        } catch (IOException e) {
            throw new DeliveryFailedException(Reason.FOLDER, "inbox folder could not be written: "
                    + e.getClass().getSimpleName());
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A leftover hidden temp file is harmless: agency systems read *.json only.
            }
        }
    }

    static String fileName(InboxMessage message) {
        String key = message.idempotencyKey().replaceAll("[^A-Za-z0-9._-]", "-");
        String prefix = message.sentAt() == null ? "" : SENT_AT.format(message.sentAt()) + "-";
        return prefix + (key.startsWith(".") ? "-" + key : key) + ".json";
    }

    /** The rename itself is durable only once the directory is; not every file system lets a directory be opened. */
    private void syncDirectory() {
        try (var channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Best effort: Linux supports it, which is where connectors run.
        }
    }
}
