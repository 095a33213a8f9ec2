package org.rujuk.hub.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.rujuk.contract.RejectionError;
import org.rujuk.hub.audit.AuditAction;
import org.rujuk.hub.audit.AuditTrail;
import org.rujuk.hub.config.AgencyDirectory;
import org.rujuk.hub.config.DisplayProperties;
import org.rujuk.hub.deadline.ClockLedger;
import org.rujuk.hub.deadline.ClockRecord;
import org.rujuk.hub.messaging.HubTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a meeting decision and starts its clock ({@code decision_<id>}: the responsible agency must act, due at
 * the end of the due date in the display time zone, met when the clock the decision is about is met), in one
 * transaction that holds the hand-off's row, so a status arriving at the same time is applied before or after,
 * never half-way. Errors name the field and never repeat what was sent.
 */
@Component
class DecisionRecorder {

    static final int MAX_ACTION = 500;

    /** The request's fields, in the order errors are reported. */
    static final List<String> FIELDS = List.of("deadline", "meetingDate", "action", "responsibleAgency", "dueDate");

    private static final Logger log = LoggerFactory.getLogger(DecisionRecorder.class);
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    /** What recording did. */
    sealed interface Outcome {
        record Recorded(MeetingDecision decision) implements Outcome {
        }

        record Invalid(List<RejectionError> errors) implements Outcome {
        }

        record UnknownReferral() implements Outcome {
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MeetingDecisions decisions;
    private final ClockLedger clocks;
    private final AgencyDirectory agencies;
    private final ZoneId zone;
    private final Clock clock;
    private final AuditTrail audit;

    DecisionRecorder(JdbcClient jdbc, TransactionTemplate transactions, MeetingDecisions decisions, ClockLedger clocks,
            AgencyDirectory agencies, DisplayProperties display, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.decisions = decisions;
        this.clocks = clocks;
        this.agencies = agencies;
        this.zone = display.timeZone();
        this.clock = clock;
    }

    Outcome record(UUID referralId, JsonNode body, String decidedBy) {
        return transactions.execute(tx -> {
            boolean exists = jdbc.sql("select referral_id from handoff where referral_id = :id for update")
                    .param("id", referralId).query(UUID.class).optional().isPresent();
            if (!exists) {
                return new Outcome.UnknownReferral();
            }
            if (body == null || !body.isObject()) {
                return new Outcome.Invalid(List.of(RejectionError.ofBody(
                        "must be a JSON object with " + String.join(", ", FIELDS))));
            }
            OffsetDateTime now = HubTime.now(clock);
            var errors = new ArrayList<RejectionError>();
            var clocksOfHandoff = clocks.clocksOf(referralId).stream().map(ClockRecord::clockId).toList();
            Request request = read(body, clocksOfHandoff, now.atZoneSameInstant(zone).toLocalDate(), errors);
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparingInt(e -> order(e.pointer())));
                return new Outcome.Invalid(List.copyOf(errors));
            }
            OffsetDateTime dueAt = endOf(request.dueDate());
            long id = decisions.insert(referralId, request.deadline(), request.meetingDate(), request.action(),
                    request.agency(), request.dueDate(), dueAt, decidedBy, now);
            clocks.startUntil(referralId, MeetingDecision.clockId(id), request.agency(), now, dueAt,
                    request.deadline());
            log.info("meeting decision {} recorded for referral {} about {} ({} responsible, due {}) by {}", id,
                    referralId, request.deadline(), request.agency(), dueAt, decidedBy);
            // The action is the coordinator's free text: the chain names the decision by id only.
            audit.append(decidedBy, AuditAction.DECISION_RECORDED, referralId, "decision=" + id + " clock="
                    + request.deadline() + " responsible=" + request.agency() + " due=" + request.dueDate());
            return new Outcome.Recorded(decisions.find(id).orElseThrow());
        });
    }

    /** A decision as asked for; complete only when no error was found. */
    private record Request(String deadline, LocalDate meetingDate, String action, String agency, LocalDate dueDate) {
    }

    private Request read(JsonNode body, List<String> clocksOfHandoff, LocalDate today, List<RejectionError> errors) {
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new RejectionError(pointer(name), "is not a field of a decision (fields: "
                        + String.join(", ", FIELDS) + ")"));
            }
        });
        String deadline = text(body, "deadline", errors);
        if (deadline != null && !clocksOfHandoff.contains(deadline)) {
            errors.add(new RejectionError("/deadline",
                    "must be a clock of this hand-off (one of: " + String.join(", ", clocksOfHandoff) + ")"));
        }
        LocalDate meetingDate = date(body, "meetingDate", errors);
        if (meetingDate != null && meetingDate.isAfter(today)) {
            errors.add(new RejectionError("/meetingDate", "must not be after today (" + today + ", " + zone
                    + "): decisions are recorded at or after the meeting"));
        }
        String action = text(body, "action", errors);
        if (action != null && (action.isBlank() || action.strip().codePointCount(0, action.strip().length())
                > MAX_ACTION)) {
            errors.add(new RejectionError("/action", "must be 1 to " + MAX_ACTION + " characters, not blank"));
        }
        String agency = text(body, "responsibleAgency", errors);
        if (agency != null && !agencies.isAgency(agency)) {
            errors.add(new RejectionError("/responsibleAgency",
                    "must be a configured agency (one of: " + String.join(", ", agencies.codes()) + ")"));
        }
        // Not before today, and so never before a valid meeting date: a due date already past could not be kept.
        LocalDate dueDate = date(body, "dueDate", errors);
        if (dueDate != null && dueDate.isBefore(today)) {
            errors.add(new RejectionError("/dueDate", "must not be before today (" + today + ", " + zone + ")"));
        }
        return new Request(deadline, meetingDate, action == null ? null : action.strip(), agency, dueDate);
    }

    private static String text(JsonNode body, String field, List<RejectionError> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            errors.add(new RejectionError(pointer(field), "is required"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new RejectionError(pointer(field), "must be a string"));
            return null;
        }
        return value.asText();
    }

    private static LocalDate date(JsonNode body, String field, List<RejectionError> errors) {
        String text = text(body, field, errors);
        if (text == null) {
            return null;
        }
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below, without the value
        }
        errors.add(new RejectionError(pointer(field), "must be a date YYYY-MM-DD"));
        return null;
    }

    private static String pointer(String field) {
        // RFC 6901: '~' and '/' in a field name are escaped.
        return "/" + field.replace("~", "~0").replace("/", "~1");
    }

    private static int order(String pointer) {
        int index = FIELDS.indexOf(pointer.substring(1));
        return index < 0 ? FIELDS.size() : index;
    }

    /** The end of a day in the display time zone: the first instant of the next day there, in UTC. */
    OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
