package org.rujuk.hub.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit chain over HTTP. Administrators: {@code GET /api/v1/audit/verify} (walk the chain, name the first broken
 * entry) and {@code GET /api/v1/audit/touched?actor=&from=&to=} (the referrals an account or agency touched in a
 * period). Coordinators and administrators: {@code GET /api/v1/referrals/{id}/evidence}, a referral's entries with
 * their hashes for a third party to re-check; the export is itself audited. Roles: see ApiSecurityConfiguration.
 */
@RestController
class AuditController {

    private final AuditVerifier verifier;
    private final AuditLog log;
    private final AuditTrail trail;

    AuditController(AuditVerifier verifier, AuditLog log, AuditTrail trail) {
        this.verifier = verifier;
        this.log = log;
        this.trail = trail;
    }

    @GetMapping("/api/v1/audit/verify")
    AuditVerifier.Verification verify() {
        return verifier.verify();
    }

    @GetMapping("/api/v1/audit/touched")
    ResponseEntity<?> touched(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        if (actor == null || actor.isBlank()) {
            return badRequest("/actor", "must be an account or agency code");
        }
        OffsetDateTime start = parse(from);
        if (start == null) {
            return badRequest("/from", "must be a date-time with offset (RFC 3339)");
        }
        OffsetDateTime end = parse(to);
        if (end == null || !end.isAfter(start)) {
            return badRequest("/to", "must be a date-time with offset (RFC 3339), after from");
        }
        var touched = log.touched(actor, start, end);
        return ResponseEntity.ok(new TouchedView(actor, start, end, touched.size(), touched));
    }

    /** The answer to "which referrals did X touch between from and to". */
    record TouchedView(String actor, OffsetDateTime from, OffsetDateTime to, int referrals,
            List<AuditLog.Touched> touched) {
    }

    @GetMapping("/api/v1/referrals/{referralId}/evidence")
    Evidence evidence(@PathVariable UUID referralId, Authentication caller) {
        if (log.ofReferral(referralId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no audit entries for this referral");
        }
        trail.accessed(caller.getName(), AuditAction.EVIDENCE_EXPORTED, List.of(referralId), "format=json");
        var entries = log.ofReferral(referralId).stream().map(EvidenceEntry::of).toList();
        var head = log.head();
        return new Evidence(referralId, caller.getName(), RECIPE, head.seq(), head.hash(), entries);
    }

    static final String RECIPE = "hash = lower-case hex SHA-256 of the UTF-8 bytes of these lines joined by a line "
            + "feed (none after the last): '" + AuditHash.VERSION + "', seq in decimal, at (exactly as given here), "
            + "actor, action, referralId (lower-case, or an empty line when null), detail, prevHash. The first "
            + "entry's prevHash is 64 zeros; each entry's prevHash is the hash of entry seq - 1.";

    /** A referral's audit entries, with everything needed to recompute each hash. */
    record Evidence(UUID referralId, String exportedBy, String hashRecipe, long chainHeadSeq, String chainHeadHash,
            List<EvidenceEntry> entries) {
    }

    /** One entry; {@code at} is the exact text that was hashed. */
    record EvidenceEntry(long seq, String at, String actor, String action, UUID referralId, String detail,
            String prevHash, String hash) {

        static EvidenceEntry of(AuditEntry e) {
            return new EvidenceEntry(e.seq(), AuditHash.time(e.at()), e.actor(), e.action(), e.referralId(),
                    e.detail(), e.prevHash(), e.hash());
        }
    }

    private static OffsetDateTime parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ResponseEntity<?> badRequest(String pointer, String message) {
        return ResponseEntity.badRequest().body(Map.of("errors", List.of(Map.of("pointer", pointer,
                "message", message))));
    }
}
