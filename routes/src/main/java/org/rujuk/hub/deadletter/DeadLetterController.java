package org.rujuk.hub.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dead-letter triage API. Coordinators and administrators list; only administrators read a body, replay or
 * discard (roles: see ApiSecurityConfiguration).
 * <ul>
 * <li>{@code GET /api/v1/dead-letters?sender=&reason=&address=&referralId=&from=&to=&page=&size=}</li>
 * <li>{@code GET /api/v1/dead-letters/{key}/body} (audited)</li>
 * <li>{@code POST /api/v1/dead-letters/{key}/replay}, {@code POST /api/v1/dead-letters/replay} with
 * {@code {"keys": [...]}} or {@code {"filter": {...}}}</li>
 * <li>{@code POST /api/v1/dead-letters/{key}/discard} with {@code {"reason": "..."}},
 * {@code POST /api/v1/dead-letters/discard} with {@code {"keys": [...], "reason": "..."}} or a filter</li>
 * </ul>
 */
@RestController
class DeadLetterController {

    private final DeadLetterTriage triage;

    DeadLetterController(DeadLetterTriage triage) {
        this.triage = triage;
    }

    /** The dead letters an action applies to: its keys, or a filter ({@code "filter": {}} means all of them). */
    record Selection(List<String> keys, FilterBody filter, String reason) {
    }

    record FilterBody(String sender, String reason, String address, UUID referralId, OffsetDateTime from,
            OffsetDateTime to) {

        DeadLetterTriage.Filter toFilter() {
            return new DeadLetterTriage.Filter(sender, reason, address, referralId, from, to);
        }
    }

    record Outcomes(List<DeadLetterTriage.Outcome> outcomes) {
    }

    @GetMapping("/api/v1/dead-letters")
    DeadLetterTriage.Page list(@RequestParam(required = false) String sender,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String address,
            @RequestParam(required = false) UUID referralId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return triage.list(new DeadLetterTriage.Filter(sender, reason, address, referralId, from, to), page, size);
    }

    @GetMapping("/api/v1/dead-letters/{key}/body")
    ResponseEntity<byte[]> body(Authentication who, @PathVariable String key) {
        var body = triage.body(who.getName(), key)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // As text when it is text; a hostile body is never rendered (the API sends nosniff).
        MediaType type = body.text() != null ? new MediaType("text", "plain", StandardCharsets.UTF_8)
                : MediaType.APPLICATION_OCTET_STREAM;
        return ResponseEntity.ok().contentType(type).body(body.raw());
    }

    @PostMapping("/api/v1/dead-letters/{key}/replay")
    Outcomes replayOne(Authentication who, @PathVariable String key) {
        return new Outcomes(triage.replay(who.getName(), List.of(key)));
    }

    @PostMapping("/api/v1/dead-letters/replay")
    Outcomes replay(Authentication who, @RequestBody Selection selection) {
        return new Outcomes(selection.keys() != null ? triage.replay(who.getName(), selection.keys())
                : triage.replay(who.getName(), filterOf(selection)));
    }

    @PostMapping("/api/v1/dead-letters/{key}/discard")
    Outcomes discardOne(Authentication who, @PathVariable String key, @RequestBody Selection selection) {
        return new Outcomes(triage.discard(who.getName(), List.of(key), selection.reason()));
    }

    @PostMapping("/api/v1/dead-letters/discard")
    Outcomes discard(Authentication who, @RequestBody Selection selection) {
        return new Outcomes(selection.keys() != null
                ? triage.discard(who.getName(), selection.keys(), selection.reason())
                : triage.discard(who.getName(), filterOf(selection), selection.reason()));
    }

    private static DeadLetterTriage.Filter filterOf(Selection selection) {
        if (selection.filter() == null) {
            throw new IllegalArgumentException("name the dead letters: \"keys\": [...] or \"filter\": {...} "
                    + "(\"filter\": {} for all of them)");
        }
        return selection.filter().toFilter();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
