package org.rujuk.hub.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of the audit chain as stored.
 *
 * @param referralId {@code null} when the entry is about no single referral
 * @param prevHash   the hash of entry {@code seq - 1} (64 zeros for the first)
 */
public record AuditEntry(long seq, OffsetDateTime at, String actor, String action, UUID referralId, String detail,
        String prevHash, String hash) {

    /** Whether the stored hash is the one its fields and previous hash give. */
    boolean hashMatches() {
        return AuditHash.of(seq, at, actor, action, referralId, detail, prevHash).equals(hash);
    }
}
