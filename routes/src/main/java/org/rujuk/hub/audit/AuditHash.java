package org.rujuk.hub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash recipe, written so that anyone can recompute it with a shell and {@code sha256sum}: the lines
 * {@code rujuk-audit-v1}, the sequence in decimal, the time as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (UTC,
 * milliseconds), the actor, the action, the referral id (lower-case, or an empty line), the detail and the previous
 * hash, joined by a line feed (no line feed after the last), encoded in UTF-8; SHA-256 of that, in lower-case hex.
 * No field may contain a line feed (the trail replaces control characters), so the encoding is unambiguous.
 */
public final class AuditHash {

    public static final String GENESIS = "0".repeat(64);
    static final String VERSION = "rujuk-audit-v1";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private AuditHash() {
    }

    public static String canonical(long seq, OffsetDateTime at, String actor, String action, UUID referralId,
            String detail, String prevHash) {
        return String.join("\n", VERSION, Long.toString(seq), time(at), actor, action,
                referralId == null ? "" : referralId.toString(), detail, prevHash);
    }

    public static String of(long seq, OffsetDateTime at, String actor, String action, UUID referralId,
            String detail, String prevHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(seq, at, actor, action, referralId, detail, prevHash)
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String time(OffsetDateTime at) {
        return TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
