package org.rujuk.connector.filedrop;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.component.file.GenericFile;
import org.rujuk.connector.config.ConnectorProperties;
import org.rujuk.connector.config.ConnectorRouteConfiguration;
import org.rujuk.connector.outbound.CheckedMessage;
import org.rujuk.connector.outbound.OutboundCheck;
import org.rujuk.connector.outbound.OutboundMetrics;
import org.rujuk.connector.outbound.Outgoing;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.RejectionError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides what happens to one dropped file: a referral or status update that passes the contract check becomes an
 * {@link Outgoing} message with a duplicate id derived from the file itself; anything else gets a
 * {@code <name>.error.json} in {@code failed/} saying what to fix, and the file follows it there.
 */
@Component
class DroppedFiles {

    /** Exchange property the route's {@code move} option reads: the folder the file goes to when done. */
    static final String OUTCOME = "rujukDropOutcome";
    /** Exchange property with the {@link Outgoing} message, which the send replaces as the body. */
    static final String OUTGOING = "rujukDropOutgoing";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String ERROR_SUFFIX = ".error.json";

    private static final Logger log = LoggerFactory.getLogger(DroppedFiles.class);
    private static final String CHANNEL = "file";

    private final OutboundCheck check;
    private final OutboundMetrics metrics;
    private final Clock clock;
    private final String agency;
    private final Path failedDir;
    private final ObjectMapper errorWriter = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    DroppedFiles(OutboundCheck check, OutboundMetrics metrics, Clock clock, ConnectorProperties properties) {
        this.check = check;
        this.metrics = metrics;
        this.clock = clock;
        this.agency = properties.agency();
        this.failedDir = properties.outboxDir() == null ? null : properties.outboxDir().resolve(FAILED);
    }

    /** Checks the file; leaves an {@link Outgoing} as the body when it is to be sent. */
    void check(Exchange exchange) throws IOException, InvalidPayloadException {
        GenericFile<?> file = exchange.getIn().getMandatoryBody(GenericFile.class);
        String name = file.getFileNameOnly();
        exchange.setProperty(ConnectorRouteConfiguration.SUBJECT, "file " + name);
        if (file.getFileLength() > ContractValidator.MAX_BODY_BYTES) {
            refuse(exchange, name, new CheckedMessage(null, null, null, new byte[0], List.of(RejectionError.ofBody(
                    "body is " + file.getFileLength() + " bytes; the limit is " + ContractValidator.MAX_BODY_BYTES))));
            return;
        }
        byte[] body = exchange.getIn().getMandatoryBody(byte[].class);
        CheckedMessage checked = check.checkReferralOrStatus(body);
        if (!checked.valid()) {
            refuse(exchange, name, checked);
            return;
        }
        var outgoing = Outgoing.of(checked, duplicateId(name, file.getLastModified(), body));
        exchange.setProperty(OUTCOME, SENT);
        exchange.setProperty(OUTGOING, outgoing);
        exchange.getIn().setBody(outgoing);
    }

    void sent(@ExchangeProperty(OUTGOING) Outgoing outgoing,
            @ExchangeProperty(ConnectorRouteConfiguration.SUBJECT) String subject) {
        metrics.sent(outgoing.type(), CHANNEL);
        log.info("sent {} {} to the hub ({})", outgoing.type().wireType(), outgoing.referralId(), subject);
    }

    /**
     * Same file, same id: a re-send after a crash between the send and the move to {@code sent/} is dropped by the
     * broker. The name and modification time are part of it so that the same content dropped again on purpose
     * (say, a withdrawal the hub refused because it had not seen the referral yet) does reach the hub; a referral
     * dropped twice is then absorbed by the hub, which keeps one referral per id.
     */
    String duplicateId(String name, long lastModified, byte[] body) {
        try {
            var sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(Long.toString(lastModified).getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) 0);
            sha256.update(body);
            return "connector:" + agency + ":file:" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refuse(Exchange exchange, String name, CheckedMessage checked) throws IOException {
        writeErrorFile(name, new DropErrors(name, checked.referralId(), checked.rejectedType(), checked.errors(),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)));
        exchange.setProperty(OUTCOME, FAILED);
        metrics.refused(CHANNEL);
        log.info("refused dropped file {} (referral {}): {} problem(s), see {}/{}{}", name, checked.referralId(),
                checked.errors().size(), FAILED, name, ERROR_SUFFIX);
    }

    /** Written before the file moves, atomically: a crash in between rewrites the same content on the next poll. */
    private void writeErrorFile(String name, DropErrors errors) throws IOException {
        Files.createDirectories(failedDir);
        Path target = failedDir.resolve(name + ERROR_SUFFIX);
        Path temp = failedDir.resolve("." + name + ERROR_SUFFIX + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temp, errorWriter.writeValueAsBytes(errors));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The content of a {@code .error.json}: the file, and the hub's error list for it. */
    record DropErrors(String file, UUID referralId, String rejectedType, List<RejectionError> errors,
            OffsetDateTime checkedAt) {
    }
}
