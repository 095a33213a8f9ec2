package org.rujuk.connector.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.rujuk.connector.config.ConnectorProperties;
import org.rujuk.connector.outbound.CheckedMessage;
import org.rujuk.connector.outbound.HubSender;
import org.rujuk.connector.outbound.OutboundCheck;
import org.rujuk.connector.outbound.OutboundMetrics;
import org.rujuk.connector.outbound.Outgoing;
import org.rujuk.contract.MessageType;
import org.rujuk.contract.Referral;
import org.rujuk.contract.RejectionError;
import org.rujuk.contract.StatusUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST in: the agency system sends a referral or a status update, checked here against the contract first (400
 * with the hub's error list, 413 over 256 KiB) and then put on the hub's address (202). Also the hub's ledger view
 * of a referral, asked with the agency's own account.
 *
 * <p>Spring MVC rather than Camel's REST DSL: the OpenAPI document (springdoc) and HTTP Basic (Spring Security)
 * then come from the same annotations and filter chain the hub's own API uses, and the body can be read with a hard
 * size limit before anything parses it.
 */
@RestController
@RequestMapping("/referrals")
@Tag(name = "referrals", description = "Send referrals and status updates to the hub; read the hub's view")
@SecurityRequirement(name = OpenApiConfiguration.BASIC_AUTH)
class ReferralController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(ReferralController.class);
    private static final String CHANNEL = "rest";

    private final OutboundCheck check;
    private final HubSender hub;
    private final HubLedgerClient ledger;
    private final OutboundMetrics metrics;
    private final String agency;

    ReferralController(OutboundCheck check, HubSender hub, HubLedgerClient ledger, OutboundMetrics metrics,
            ConnectorProperties properties) {
        this.check = check;
        this.hub = hub;
        this.ledger = ledger;
        this.metrics = metrics;
        this.agency = properties.agency();
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a referral",
            description = "The body is a contract `referral` with `from` set to this connector's agency. It is checked "
                    + "against the contract's schema here; a good one goes to the hub, which answers with a receipt "
                    + "(or a rejection) delivered like every other inbox message. Re-sending the same referral "
                    + "(same referralId and content) is absorbed by the hub.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Referral.class))))
    @ApiResponse(responseCode = "202", description = "on its way to the hub",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "400", description = "breaks the contract; the list says where and what to do",
            content = @Content(schema = @Schema(implementation = ErrorList.class)))
    @ApiResponse(responseCode = "401", description = "no or wrong credentials", content = @Content)
    @ApiResponse(responseCode = "413", description = "body over 256 KiB",
            content = @Content(schema = @Schema(implementation = ErrorList.class)))
    @ApiResponse(responseCode = "503", description = "the hub's broker cannot be reached; send again later",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Object> sendReferral(HttpServletRequest request, @Parameter(description = "optional: a key of "
            + "your own; a re-send with the same key within the broker's duplicate window is dropped by the broker")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) throws IOException {
        return send(request, MessageType.REFERRAL, null, idempotencyKey);
    }

    @PostMapping(path = "/{referralId}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a status update",
            description = "The body is a contract `status` for this referral (`received` is sent automatically "
                    + "when the connector delivers a referral). `reason` is required for `declined` and "
                    + "`withdrawn`. A refused move comes back as a rejection in the inbox.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StatusUpdate.class))))
    @ApiResponse(responseCode = "202", description = "on its way to the hub",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "400", description = "breaks the contract, or is about another referral",
            content = @Content(schema = @Schema(implementation = ErrorList.class)))
    @ApiResponse(responseCode = "401", description = "no or wrong credentials", content = @Content)
    @ApiResponse(responseCode = "413", description = "body over 256 KiB",
            content = @Content(schema = @Schema(implementation = ErrorList.class)))
    @ApiResponse(responseCode = "503", description = "the hub's broker cannot be reached; send again later",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Object> sendStatus(@PathVariable UUID referralId, HttpServletRequest request,
            @Parameter(description = "optional, as for referrals")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) throws IOException {
        return send(request, MessageType.STATUS, referralId, idempotencyKey);
    }

    @GetMapping(path = "/{referralId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The hub's view of a referral",
            description = "State, the time of each state and the history, as the hub's ledger has them (never the "
                    + "child's identity). Only referrals this agency sent or received.")
    @ApiResponse(responseCode = "200", description = "the hub's ledger view")
    @ApiResponse(responseCode = "401", description = "no or wrong credentials", content = @Content)
    @ApiResponse(responseCode = "404", description = "not a referral of this agency",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "502", description = "the hub cannot be reached or refused the connector",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Object> referral(@PathVariable UUID referralId) {
        return ledger.referral(referralId);
    }

    private ResponseEntity<Object> send(HttpServletRequest request, MessageType type, UUID pathReferralId,
            String idempotencyKey) throws IOException {
        byte[] body;
        try {
            body = BoundedBody.read(request);
        } catch (BoundedBody.TooLarge tooLarge) {
            metrics.refused(CHANNEL);
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(new ErrorList(null, null, List.of(RejectionError.ofBody(tooLarge.describe()))));
        }
        CheckedMessage checked = check.check(body, type);
        var errors = checked.errors();
        if (checked.valid() && pathReferralId != null && !pathReferralId.equals(checked.referralId())) {
            errors = List.of(new RejectionError("/referralId", "must be the referral id in the URL"));
        }
        if (!errors.isEmpty()) {
            metrics.refused(CHANNEL);
            log.info("refused {} over REST (referral {}): {} problem(s)", type.wireType(), checked.referralId(),
                    errors.size());
            return ResponseEntity.badRequest().body(new ErrorList(checked.referralId(), checked.rejectedType(), errors));
        }
        try {
            hub.send(Outgoing.of(checked, duplicateId(idempotencyKey)));
        } catch (CamelExecutionException e) {
            log.warn("could not send {} {} to the hub: {}", type.wireType(), checked.referralId(),
                    e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, "the hub's broker cannot be reached; nothing was sent, send again"));
        }
        metrics.sent(type, CHANNEL);
        log.info("sent {} {} to the hub (REST)", type.wireType(), checked.referralId());
        return ResponseEntity.accepted().location(URI.create("/referrals/" + checked.referralId()))
                .body(type == MessageType.REFERRAL ? Accepted.referral(checked.referralId())
                        : Accepted.status(checked.referralId()));
    }

    /**
     * No key, no duplicate id: the hub itself absorbs a re-sent referral and ignores a repeated status, while a
     * deliberate re-send (e.g. after a rejection for a referral the hub had not seen yet) must reach it. With a key,
     * the caller asks for the broker to drop a second send of it.
     */
    private String duplicateId(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "connector:" + agency + ":rest:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
