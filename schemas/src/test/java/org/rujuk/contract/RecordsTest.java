package org.rujuk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The records read every valid example, write it back so that it still conforms, and keep the child out of logs. */
class RecordsTest {

    private static final ContractValidator VALIDATOR = new ContractValidator();
    private static final ObjectMapper MAPPER = ContractJson.mapper();

    static Stream<Arguments> validExamples() {
        List<Arguments> all = new ArrayList<>();
        for (MessageType type : MessageType.values()) {
            for (Path file : Examples.files(type, "valid")) {
                all.add(Arguments.of(type, file.getFileName().toString(), file));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("validExamples")
    void validExampleRoundTripsThroughItsRecord(MessageType type, String name, Path file) throws IOException {
        JsonNode original = MAPPER.readTree(Examples.bytes(file));

        Object message = VALIDATOR.read(original, type.recordType());
        String written = VALIDATOR.write(message);
        JsonNode rewritten = MAPPER.readTree(written);

        assertThat(VALIDATOR.validate(type, rewritten)).isEmpty();
        assertThat(VALIDATOR.read(rewritten, type.recordType())).isEqualTo(message);
        assertThat(rewritten.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrderElementsOf(fieldNames(original));
    }

    @Test
    void keepsTheOffsetTheSenderGave() throws IOException {
        Referral referral = referral("police-to-social-victim-urgent");

        assertThat(referral.sentAt()).isEqualTo(OffsetDateTime.parse("2026-11-28T09:30:00+07:00"));
        assertThat(referral.sentAt().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
        assertThat(VALIDATOR.write(referral)).contains("\"sentAt\":\"2026-11-28T09:30:00+07:00\"");
    }

    @Test
    void leavesAbsentOptionalFieldsOut() throws IOException {
        Referral referral = referral("police-to-social-victim-urgent");

        JsonNode written = MAPPER.readTree(VALIDATOR.write(referral));

        assertThat(referral.legal()).isNull();
        assertThat(written.has("legal")).isFalse();
        assertThat(written.get("child").has("birthDate")).isFalse();
        assertThat(written.get("child").has("nik")).isFalse();
    }

    @Test
    void childToStringLeaksNothingThatIdentifiesTheChild() throws IOException {
        Child child = referral("social-to-education-witness-with-nik").child();

        assertThat(child.toString())
                .doesNotContain(child.initials(), child.nik(), child.birthDate().toString(), "2012", child.district());
    }

    @Test
    void referralToStringLeaksNeitherChildNorSummaryNorCaseRef() throws IOException {
        Referral referral = referral("social-to-education-witness-with-nik");

        assertThat(referral.toString())
                .contains(referral.referralId().toString(), "[redacted]")
                .doesNotContain(referral.child().initials() + ",", referral.child().nik(), "2012-08-01",
                        referral.summary().substring(0, 20), referral.caseRef(), referral.child().district());
    }

    @Test
    void statusToStringsLeakNoFreeText() {
        StatusUpdate update = StatusUpdate.of(UUID.randomUUID(), "health", HandoffState.DECLINED, OffsetDateTime.now(),
                "Anak SA sudah pindah ke Metro Timur", "lihat berkas");
        StatusNotice notice = StatusNotice.of(update.referralId(), "health", "social", HandoffState.DECLINED,
                HandoffState.RECEIVED, false, update.at(), update.at(), update.reason(), update.note());

        assertThat(update.toString()).doesNotContain("Anak SA", "berkas").contains("[redacted]");
        assertThat(notice.toString()).doesNotContain("Anak SA", "berkas").contains("[redacted]");
    }

    @Test
    void factoriesFillType() {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.parse("2026-11-28T09:30:00+07:00");
        Consent consent = new Consent(ConsentBasis.GUARDIAN_CONSENT, now);
        Child child = new Child("RA", Sex.FEMALE, LocalDate.parse("2013-04-02"), null, "Metro Pusat", null);

        Referral referral = Referral.of(id, "LP/1", "police", "social", now, Priority.URGENT, ChildRole.VICTIM,
                Category.NEGLECT, List.of(Service.SHELTER), child, "Ringkasan.", consent, null);

        assertThat(referral.type()).isEqualTo("referral");
        assertThat(StatusUpdate.of(id, "social", HandoffState.RECEIVED, now, null, null).type()).isEqualTo("status");
        assertThat(Receipt.of(id, "LP/1", "social", now).type()).isEqualTo("receipt");
        assertThat(Rejection.of("ID:1", id, "referral", List.of(RejectionError.ofBody("x")), now).type())
                .isEqualTo("rejection");
        assertThat(StatusNotice.of(id, "social", "police", HandoffState.RECEIVED, HandoffState.SUBMITTED, false, now,
                now, null, null).type()).isEqualTo("status");
        assertThat(reminder(null).type()).isEqualTo("reminder");
        assertThat(escalation("PT0S").type()).isEqualTo("escalation");
        assertThat(VALIDATOR.validate(MessageType.REFERRAL, MAPPER.valueToTree(referral))).isEmpty();
    }

    @Test
    void leavesAnAbsentSourceOut() throws IOException {
        JsonNode written = MAPPER.readTree(VALIDATOR.write(reminder(null)));

        assertThat(written.has("source")).isFalse();
        assertThat(written.get("copy").booleanValue()).isFalse();
        assertThat(VALIDATOR.validate(MessageType.REMINDER, written)).isEmpty();
    }

    @Test
    void overdueByTakesWhatDurationToStringWrites() {
        List<Duration> durations = List.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofMillis(3_500),
                Duration.ofSeconds(59, 999_999_999), Duration.ofMinutes(90), Duration.ofHours(49), Duration.ofDays(3),
                Duration.ofDays(400).plusHours(1).plusMinutes(2).plusSeconds(3).plusMillis(500));

        for (Duration duration : durations) {
            Escalation escalation = escalation(duration.toString());
            assertThat(VALIDATOR.validate(MessageType.ESCALATION, MAPPER.valueToTree(escalation)))
                    .as(duration.toString()).isEmpty();
            assertThat(Duration.parse(escalation.overdueBy())).isEqualTo(duration);
        }
        assertThat(Duration.ofHours(49).toString()).isEqualTo("PT49H");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("validEscalations")
    void escalationExampleIsLateByTheTimeFromDueAtToEscalatedAt(MessageType type, String name, Path file)
            throws IOException {
        Escalation escalation = VALIDATOR.read(MAPPER.readTree(Examples.bytes(file)), Escalation.class);

        assertThat(escalation.overdueBy())
                .isEqualTo(Duration.between(escalation.dueAt(), escalation.escalatedAt()).toString());
        assertThat(escalation.mustAct()).isIn(escalation.from(), escalation.to());
    }

    static Stream<Arguments> validEscalations() {
        return validExamples().filter(arguments -> arguments.get()[0] == MessageType.ESCALATION);
    }

    @Test
    void stuckHandOffMessagesCarryNothingThatIdentifiesTheChild() throws IOException {
        Set<String> identifying = Set.of("child", "initials", "nik", "birthDate", "ageYears", "sex", "district",
                "summary", "caseRef", "reason", "note", "servicesRequested", "legal");

        for (MessageType type : List.of(MessageType.ESCALATION, MessageType.REMINDER)) {
            assertThat(fieldNames(schema(type).get("properties"))).as(type.schemaName())
                    .doesNotContainAnyElementsOf(identifying);
            assertThat(Arrays.stream(type.recordType().getRecordComponents()).map(component -> component.getName()))
                    .as(type.recordType().getSimpleName())
                    .doesNotContainAnyElementsOf(identifying);
        }
    }

    @Test
    void recordsCopyTheirLists() {
        List<Service> services = new ArrayList<>(List.of(Service.HEALTH));
        Referral referral = Referral.of(UUID.randomUUID(), "LP/1", "police", "health", null, null, null, null,
                services, null, null, null, null);

        services.add(Service.SHELTER);

        assertThat(referral.servicesRequested()).containsExactly(Service.HEALTH);
    }

    @Test
    void handoffStateMapsToAndFromItsWireValue() {
        assertThat(HandoffState.IN_PROGRESS.wire()).isEqualTo("in_progress");
        assertThat(HandoffState.fromWire("withdrawn")).isEqualTo(HandoffState.WITHDRAWN);
        for (HandoffState state : HandoffState.values()) {
            assertThat(HandoffState.fromWire(state.wire())).isEqualTo(state);
        }
        assertThatThrownBy(() -> HandoffState.fromWire("Siti")).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("Siti");
    }

    @Test
    void enumsListExactlyTheValuesTheirSchemasAllow() throws IOException {
        JsonNode referral = schema(MessageType.REFERRAL).get("properties");
        JsonNode notice = schema(MessageType.STATUS_NOTICE).get("properties");

        assertThat(wires(Priority.values())).isEqualTo(values(referral.at("/priority/enum")));
        assertThat(wires(ChildRole.values())).isEqualTo(values(referral.at("/childRole/enum")));
        assertThat(wires(Category.values())).isEqualTo(values(referral.at("/category/enum")));
        assertThat(wires(Service.values())).isEqualTo(values(referral.at("/servicesRequested/items/enum")));
        assertThat(wires(Sex.values())).isEqualTo(values(referral.at("/child/properties/sex/enum")));
        assertThat(wires(ConsentBasis.values())).isEqualTo(values(referral.at("/consent/properties/basis/enum")));
        assertThat(wires(LegalStage.values())).isEqualTo(values(referral.at("/legal/properties/stage/enum")));
        assertThat(wires(HandoffState.values())).isEqualTo(values(notice.at("/previousStatus/enum")));
        assertThat(values(notice.at("/status/enum")))
                .isEqualTo(values(schema(MessageType.STATUS).at("/$defs/reportedState/enum")))
                .containsExactlyElementsOf(wires(HandoffState.values()).subList(1, HandoffState.values().length));

        JsonNode escalation = schema(MessageType.ESCALATION).get("properties");
        assertThat(wires(HandoffState.values())).isEqualTo(values(escalation.at("/state/enum")))
                .isEqualTo(values(schema(MessageType.REMINDER).at("/properties/state/enum")));
        assertThat(wires(Priority.values())).isEqualTo(values(escalation.at("/priority/enum")));
        assertThat(wires(ChildRole.values())).isEqualTo(values(escalation.at("/childRole/enum")));
        assertThat(wires(Category.values())).isEqualTo(values(escalation.at("/category/enum")));
    }

    private static List<String> wires(Enum<?>[] constants) {
        return Arrays.stream(constants).map(constant -> {
            try {
                return (String) constant.getClass().getMethod("wire").invoke(constant);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<String> values(JsonNode array) {
        assertThat(array.isArray()).as("an enum in the schema").isTrue();
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A level-2 escalation of the litmas clock, late by {@code overdueBy}. */
    private static Escalation escalation(String overdueBy) {
        OffsetDateTime started = OffsetDateTime.parse("2026-11-27T09:05:00Z");
        OffsetDateTime due = started.plusHours(2 * 72);
        return Escalation.of(UUID.fromString("0b8e5d7a-1c2f-4a3b-8d9e-6f7a8b9c0d1e"), "police", "social", "social",
                HandoffState.ACCEPTED, "litmas_delivery", "Litmas / laporan sosial diserahkan",
                "PP 65/2015; UU SPPA art. 28", started, due, due.plus(Duration.parse(overdueBy)), overdueBy, 2,
                Priority.URGENT, ChildRole.IN_CONFLICT_WITH_LAW, Category.THEFT);
    }

    /** A level-1 reminder of the receive clock to the agency that must act. */
    private static Reminder reminder(String source) {
        OffsetDateTime due = OffsetDateTime.parse("2026-11-28T06:30:00.412Z");
        return Reminder.of(UUID.fromString("3f2b8c1e-6d4a-4e8b-9c7d-2a1f0e9b8c7d"), "police", "social", "social",
                HandoffState.SUBMITTED, "receive", "Rujukan diterima sistem", source, due, due.plusSeconds(5), 1, false);
    }

    private static Referral referral(String example) throws IOException {
        return VALIDATOR.read(MAPPER.readTree(Examples.valid(MessageType.REFERRAL, example)), Referral.class);
    }

    private static JsonNode schema(MessageType type) throws IOException {
        try (InputStream in = RecordsTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            return MAPPER.readTree(in);
        }
    }
}
