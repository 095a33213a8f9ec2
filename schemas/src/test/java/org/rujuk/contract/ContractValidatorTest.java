package org.rujuk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hostile and malformed bodies, and the shape of the errors the validator reports. */
class ContractValidatorTest {

    private static final ContractValidator VALIDATOR = new ContractValidator();
    private static final ObjectMapper MAPPER = ContractJson.mapper();
    private static final String REFERRAL_ID = "3f2b8c1e-6d4a-4e8b-9c7d-2a1f0e9b8c7d";

    @Test
    void acceptsBodyOfExactlyTheSizeLimit() {
        byte[] body = paddedTo(ContractValidator.MAX_BODY_BYTES);

        Inspection inspection = VALIDATOR.inspect(body, MessageType.REFERRAL);

        assertThat(body).hasSize(262_144);
        assertThat(inspection.errors()).isEmpty();
    }

    @Test
    void rejectsBodyOneByteOverTheSizeLimit() {
        Inspection inspection = VALIDATOR.inspect(paddedTo(ContractValidator.MAX_BODY_BYTES + 1), MessageType.REFERRAL);

        assertThat(inspection.errors())
                .containsExactly(new RejectionError("", "body is 262145 bytes; the limit is 262144"));
        assertThat(inspection.json()).isNull();
    }

    @Test
    void acceptsSixteenLevelsOfNestingCountingTheRootObject() {
        String body = "{\"type\":\"referral\",\"deep\":" + nested(15) + "}";

        Inspection inspection = VALIDATOR.inspect(utf8(body), MessageType.REFERRAL);

        assertThat(inspection.json()).as("parsed").isNotNull();
        assertThat(inspection.errors()).contains(new RejectionError("/deep", "is not a field of this message; remove it"));
        assertThat(inspection.errors()).noneMatch(error -> error.message().contains("nested"));
    }

    @Test
    void rejectsSeventeenLevelsOfNesting() {
        String body = "{\"type\":\"referral\",\"deep\":" + nested(16) + "}";

        Inspection inspection = VALIDATOR.inspect(utf8(body), MessageType.REFERRAL);

        assertThat(inspection.errors()).containsExactly(
                new RejectionError("", "body is nested deeper than 16 levels (the root object is level 1)"));
    }

    @Test
    void countsArraysAsLevelsToo() {
        String sixteen = "{\"a\":" + "[".repeat(15) + "]".repeat(15) + "}";
        String seventeen = "{\"a\":" + "[".repeat(16) + "]".repeat(16) + "}";

        assertThat(VALIDATOR.inspect(utf8(sixteen), MessageType.REFERRAL).json()).isNotNull();
        assertThat(VALIDATOR.inspect(utf8(seventeen), MessageType.REFERRAL).errors())
                .extracting(RejectionError::message)
                .containsExactly("body is nested deeper than 16 levels (the root object is level 1)");
    }

    @Test
    void rejectsDuplicateKeyAtTheDuplicatedKey() {
        String body = "{\"type\":\"referral\",\"child\":{\"initials\":\"RA\",\"initials\":\"SA\"}}";

        Inspection inspection = VALIDATOR.inspect(utf8(body), MessageType.REFERRAL);

        assertThat(inspection.errors())
                .containsExactly(new RejectionError("/child/initials", "is given twice; give each field once"));
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] body = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThat(VALIDATOR.inspect(body, MessageType.REFERRAL).errors())
                .containsExactly(new RejectionError("", "body is not valid UTF-8"));
    }

    @Test
    void rejectsJsonEscapedLoneSurrogatesAtTheirFieldsWithoutRepeatingThem() {
        ObjectNode referral = victimReferral();
        referral.put("summary", "HIGH-HERE");
        ((ObjectNode) referral.get("child")).put("district", "LOW-HERE");
        String body = referral.toString()
                .replace("HIGH-HERE", "Anak RA \\ud800 perlu pendampingan")
                .replace("LOW-HERE", "Metro \\udc00");

        Inspection inspection = VALIDATOR.inspect(utf8(body), MessageType.REFERRAL);

        assertThat(inspection.errors()).as("in document order").containsExactly(
                new RejectionError("/child/district", ErrorMessages.UNPAIRED_SURROGATE),
                new RejectionError("/summary", ErrorMessages.UNPAIRED_SURROGATE));
        assertThat(inspection.referralId()).as("answered with the referral's id").isNotNull();
        assertThat(inspection.errors().toString()).doesNotContain("Anak RA", "Metro");
        assertThat(inspection.errors().toString().chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void rejectsLoneSurrogateInAFieldNameAtItsObjectOnly() {
        ObjectNode referral = victimReferral();
        ((ObjectNode) referral.get("child")).put("NAME-HERE", "x");
        String body = referral.toString().replace("NAME-HERE", "eye\\ud800");

        Inspection inspection = VALIDATOR.inspect(utf8(body), MessageType.REFERRAL);

        assertThat(inspection.errors())
                .containsExactly(new RejectionError("/child", ErrorMessages.UNPAIRED_SURROGATE_IN_NAME));
    }

    @Test
    void acceptsEscapedSurrogatePairsAndRefusesRawSurrogateBytes() {
        ObjectNode referral = victimReferral();
        referral.put("summary", "PAIR-HERE");
        String paired = referral.toString().replace("PAIR-HERE", "Anak RA \\ud83d\\ude00 aman");
        byte[] raw = referral.toString().replace("PAIR-HERE", "Anak RA \u00e9").getBytes(StandardCharsets.UTF_8);
        // Replace the two bytes of "é" (C3 A9) with three: ED A0 80, a surrogate encoded as if it were a character.
        int at = new String(raw, StandardCharsets.ISO_8859_1).indexOf("\u00c3\u00a9");
        byte[] surrogateBytes = new byte[raw.length + 1];
        System.arraycopy(raw, 0, surrogateBytes, 0, at);
        surrogateBytes[at] = (byte) 0xED;
        surrogateBytes[at + 1] = (byte) 0xA0;
        surrogateBytes[at + 2] = (byte) 0x80;
        System.arraycopy(raw, at + 2, surrogateBytes, at + 3, raw.length - at - 2);

        assertThat(VALIDATOR.inspect(utf8(paired), MessageType.REFERRAL).errors()).isEmpty();
        assertThat(VALIDATOR.inspect(surrogateBytes, MessageType.REFERRAL).errors())
                .containsExactly(new RejectionError("", "body is not valid UTF-8"));
    }

    @Test
    void validateReportsLoneSurrogatesInMessagesAboutToBeSent() {
        ObjectNode referral = victimReferral();
        referral.put("summary", "Anak RA " + (char) 0xD800);

        assertThat(VALIDATOR.validate(MessageType.REFERRAL, referral))
                .containsExactly(new RejectionError("/summary", ErrorMessages.UNPAIRED_SURROGATE));
    }

    @Test
    void rejectsEmptyAndBlankBodies() {
        RejectionError empty = new RejectionError("", "body is empty; send one JSON object");

        assertThat(VALIDATOR.inspect(new byte[0], MessageType.REFERRAL).errors()).containsExactly(empty);
        assertThat(VALIDATOR.inspect(null, MessageType.REFERRAL).errors()).containsExactly(empty);
        assertThat(VALIDATOR.inspect(utf8(" \n\t "), MessageType.REFERRAL).errors()).containsExactly(empty);
    }

    @Test
    void rejectsAnythingButOneJsonObject() {
        RejectionError notOneObject = new RejectionError("", "body must be one JSON object");

        for (String body : List.of("[{\"type\":\"referral\"}]", "\"referral\"", "42", "null", "{} {}")) {
            assertThat(VALIDATOR.inspect(utf8(body), MessageType.REFERRAL).errors()).as(body).containsExactly(notOneObject);
        }
    }

    @Test
    void rejectsBodyThatIsNotJsonWithoutEchoingIt() {
        String body = "{\n  \"type\": \"referral\",\n  \"summary\": Siti Aminah\n}";

        List<RejectionError> errors = VALIDATOR.inspect(utf8(body), MessageType.REFERRAL).errors();

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEmpty();
            assertThat(error.message()).startsWith("body is not valid JSON: unexpected character at line 3, column ");
            assertThat(error.message()).doesNotContain("Siti", "Aminah");
        });
    }

    @Test
    void rejectsTruncatedBody() {
        List<RejectionError> errors = VALIDATOR.inspect(utf8("{\"type\":\"referral\""), MessageType.REFERRAL).errors();

        assertThat(errors).extracting(RejectionError::message)
                .singleElement().asString().startsWith("body is not valid JSON: it ends too early at line 1");
    }

    @Test
    void rejectsByteOrderMark() {
        byte[] body = utf8("\uFEFF{\"type\":\"referral\"}");

        assertThat(VALIDATOR.inspect(body, MessageType.REFERRAL).errors()).containsExactly(
                new RejectionError("", "body starts with a byte order mark; send UTF-8 without one"));
    }

    @Test
    void rejectsOverlongNumbersAndFieldNames() {
        String number = "{\"type\":\"referral\",\"n\":" + "1".repeat(101) + "}";
        String name = "{\"type\":\"referral\",\"" + "k".repeat(65) + "\":1}";

        assertThat(VALIDATOR.inspect(utf8(number), MessageType.REFERRAL).errors()).extracting(RejectionError::message)
                .containsExactly("body has a number longer than 100 characters");
        assertThat(VALIDATOR.inspect(utf8(name), MessageType.REFERRAL).errors()).extracting(RejectionError::message)
                .containsExactly("body has a field name longer than 64 characters");
    }

    @Test
    void rejectsMessageOfAnotherTypeWithOneErrorAtType() {
        Inspection inspection = VALIDATOR.inspect(Examples.valid(MessageType.STATUS, "received-by-social"), MessageType.REFERRAL);

        assertThat(inspection.errors())
                .containsExactly(new RejectionError("/type", "must be \"referral\" on this address (got \"status\")"));
        assertThat(inspection.type()).isEqualTo("status");
        assertThat(inspection.referralId()).isEqualTo(UUID.fromString(REFERRAL_ID));
    }

    @Test
    void namesNoUnknownTypeBackToTheSender() {
        Inspection inspection = VALIDATOR.inspect(utf8("{\"type\":\"Siti Aminah\"}"), MessageType.REFERRAL);

        assertThat(inspection.errors()).containsExactly(new RejectionError("/type", "must be \"referral\" on this address"));
    }

    @Test
    void requiresType() {
        ObjectNode referral = victimReferral();
        referral.remove("type");

        Inspection inspection = VALIDATOR.inspect(utf8(referral.toString()), MessageType.REFERRAL);

        assertThat(inspection.errors()).containsExactly(new RejectionError("/type", "is required"));
        assertThat(inspection.type()).isNull();
    }

    @Test
    void extractsReferralIdFromAnOtherwiseInvalidReferral() {
        String body = "{\"type\":\"referral\",\"referralId\":\"" + REFERRAL_ID + "\",\"priority\":\"high\"}";

        Inspection inspection = VALIDATOR.inspect(utf8(body), MessageType.REFERRAL);

        assertThat(inspection.valid()).isFalse();
        assertThat(inspection.referralId()).isEqualTo(UUID.fromString(REFERRAL_ID));
        assertThat(inspection.type()).isEqualTo("referral");
    }

    @Test
    void extractsNoReferralIdThatIsNotAUuid() {
        String body = "{\"type\":\"referral\",\"referralId\":\"1-2-3-4-5\"}";

        assertThat(VALIDATOR.inspect(utf8(body), MessageType.REFERRAL).referralId()).isNull();
    }

    @Test
    void neverRepeatsTheOffendingValuesInMessages() {
        ObjectNode referral = victimReferral();
        ObjectNode child = (ObjectNode) referral.get("child");
        child.put("nik", "12345");
        child.put("initials", "Siti Aminah");
        child.put("sex", "perempuan");
        child.put("fullName", "Siti Aminah binti Slamet");
        referral.put("priority", "sangat-mendesak");
        referral.put("sentAt", "kemarin sore");

        List<RejectionError> errors = VALIDATOR.inspect(utf8(referral.toString()), MessageType.REFERRAL).errors();

        assertThat(errors).hasSize(6);
        assertThat(errors).extracting(RejectionError::message).allSatisfy(message -> assertThat(message)
                .doesNotContain("12345", "Siti", "Aminah", "Slamet", "perempuan", "sangat", "kemarin"));
        assertThat(errors).contains(
                new RejectionError("/child/nik", "must be exactly 16 digits"),
                new RejectionError("/child/initials",
                        "must be initials (1-6 capital letters, optionally with dots), not a full name"),
                new RejectionError("/child/fullName", "is not a field of this message; remove it"),
                new RejectionError("/priority", "must be one of: routine, urgent, emergency"),
                new RejectionError("/sentAt", "must be an RFC 3339 date-time with offset, e.g. 2026-11-28T09:30:00+07:00"));
    }

    @Test
    void reportsEachProblemOnce() {
        ObjectNode referral = victimReferral();
        referral.put("childRole", "in_conflict_with_law");
        ((ObjectNode) referral.get("child")).remove("ageYears");
        referral.putArray("servicesRequested").add("health").add("health");

        List<RejectionError> errors = VALIDATOR.inspect(utf8(referral.toString()), MessageType.REFERRAL).errors();

        assertThat(errors).containsExactlyInAnyOrder(
                new RejectionError("/legal", "is required when childRole is in_conflict_with_law"),
                new RejectionError("/child", "give the child's birthDate or ageYears"),
                new RejectionError("/servicesRequested", "lists a service twice"));
    }

    @Test
    void reportsADateTimeThatBreaksBothFormatAndPatternOnce() {
        ObjectNode referral = victimReferral();
        referral.put("sentAt", "2026-11-28T09:30:00");

        assertThat(VALIDATOR.inspect(utf8(referral.toString()), MessageType.REFERRAL).errors()).containsExactly(
                new RejectionError("/sentAt", "must be an RFC 3339 date-time with offset, e.g. 2026-11-28T09:30:00+07:00"));
    }

    @Test
    void pointsAtUnknownFieldsWithEscapedPointers() {
        ObjectNode referral = victimReferral();
        referral.put("a/b~c", 1);

        assertThat(VALIDATOR.inspect(utf8(referral.toString()), MessageType.REFERRAL).errors())
                .containsExactly(new RejectionError("/a~1b~0c", "is not a field of this message; remove it"));
    }

    @Test
    void listsAtMostOneHundredErrors() {
        ObjectNode referral = victimReferral();
        IntStream.range(0, 150).forEach(i -> referral.put("extra" + i, i));

        List<RejectionError> errors = VALIDATOR.inspect(utf8(referral.toString()), MessageType.REFERRAL).errors();

        assertThat(errors).hasSize(ContractValidator.MAX_ERRORS);
        assertThat(errors.get(99)).isEqualTo(new RejectionError("", "and 51 more problems not listed here"));
    }

    @Test
    void validatesWhatTheHubSends() {
        OffsetDateTime now = OffsetDateTime.parse("2026-11-28T02:30:00.412Z");
        UUID referralId = UUID.fromString(REFERRAL_ID);
        Inspection refused = VALIDATOR.inspect(utf8("{\"type\":\"referral\",\"referralId\":\"" + REFERRAL_ID + "\"}"),
                MessageType.REFERRAL);

        Receipt receipt = Receipt.of(referralId, "LP/B/412/XI/2026/Polres Metro", "social", now);
        Rejection rejection = Rejection.of("ID:42", refused, now);
        StatusNotice notice = StatusNotice.of(referralId, "social", "police", HandoffState.RECEIVED,
                HandoffState.SUBMITTED, true, now, now, null, null);
        OffsetDateTime due = now.minusHours(1);
        Escalation escalation = Escalation.of(referralId, "police", "social", "social", HandoffState.SUBMITTED,
                "receive", "Rujukan diterima sistem", null, due.minusHours(4), due, now,
                Duration.between(due, now).toString(), 1, Priority.URGENT, ChildRole.VICTIM, Category.SEXUAL_VIOLENCE);
        Reminder reminder = Reminder.of(referralId, "police", "social", "social", HandoffState.SUBMITTED, "receive",
                "Rujukan diterima sistem", null, due, now, 1, false);
        Reminder copy = Reminder.of(referralId, "police", "social", "social", HandoffState.SUBMITTED, "receive",
                "Rujukan diterima sistem", null, due, now, 1, true);

        assertThat(VALIDATOR.validate(MessageType.RECEIPT, MAPPER.valueToTree(receipt))).isEmpty();
        assertThat(VALIDATOR.validate(MessageType.REJECTION, MAPPER.valueToTree(rejection))).isEmpty();
        assertThat(VALIDATOR.validate(MessageType.STATUS_NOTICE, MAPPER.valueToTree(notice))).isEmpty();
        assertThat(VALIDATOR.validate(MessageType.ESCALATION, MAPPER.valueToTree(escalation))).isEmpty();
        assertThat(VALIDATOR.validate(MessageType.REMINDER, MAPPER.valueToTree(reminder))).isEmpty();
        assertThat(VALIDATOR.validate(MessageType.REMINDER, MAPPER.valueToTree(copy))).isEmpty();
        assertThat(escalation.overdueBy()).isEqualTo("PT1H");
        assertThat(rejection.referralId()).isEqualTo(referralId);
        assertThat(rejection.rejectedType()).isEqualTo("referral");
    }

    @Test
    void findsWhatTheHubWouldSendWrong() {
        StatusNotice declinedWithoutReason = StatusNotice.of(UUID.fromString(REFERRAL_ID), "health", "social",
                HandoffState.DECLINED, HandoffState.RECEIVED, false, OffsetDateTime.now(), OffsetDateTime.now(), null, null);

        assertThat(VALIDATOR.validate(MessageType.STATUS_NOTICE, MAPPER.valueToTree(declinedWithoutReason)))
                .containsExactly(new RejectionError("/reason", "is required when status is declined or withdrawn"));
    }

    @Test
    void saysWhatAStuckHandOffsClockFieldsMustBe() {
        OffsetDateTime due = OffsetDateTime.parse("2026-12-03T09:05:00Z");
        Escalation escalation = Escalation.of(UUID.fromString(REFERRAL_ID), "police", "social", "social",
                HandoffState.ACCEPTED, "Litmas-Delivery", "Litmas / laporan sosial diserahkan", "", due.minusDays(6), due,
                due.plusHours(49), "2 days 1 hour", 3, Priority.URGENT, ChildRole.IN_CONFLICT_WITH_LAW, Category.THEFT);
        Reminder reminder = Reminder.of(UUID.fromString(REFERRAL_ID), "police", "social", "social",
                HandoffState.ACCEPTED, "litmas_delivery", "Litmas\nlaporan sosial", null, due, due, 0, true);

        assertThat(VALIDATOR.validate(MessageType.ESCALATION, MAPPER.valueToTree(escalation))).containsExactlyInAnyOrder(
                new RejectionError("/deadline", "must be receive, answer, progress or a legal clock id: a lower-case "
                        + "letter, then 1 to 47 lower-case letters, digits or underscores"),
                new RejectionError("/source", "must not be empty"),
                new RejectionError("/overdueBy", "must be an ISO-8601 duration in hours, minutes and seconds, such as PT1H30M"),
                new RejectionError("/level", "must be 1 (at the deadline) or 2 (at twice the deadline)"));
        assertThat(VALIDATOR.validate(MessageType.REMINDER, MAPPER.valueToTree(reminder))).containsExactlyInAnyOrder(
                new RejectionError("/label", "must be one line of printable text, without control characters"),
                new RejectionError("/level", "must be 1 (at the deadline) or 2 (at twice the deadline)"));
    }

    @Test
    void readRefusesJsonThatDoesNotFitWithoutQuotingIt() {
        JsonNode json = MAPPER.createObjectNode().put("referralId", "Siti Aminah");

        assertThatThrownBy(() -> VALIDATOR.read(json, Referral.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read a Referral from this JSON")
                .hasNoCause();
    }

    @Test
    void givesTheSameAnswersFromManyThreads() {
        byte[] invalid = utf8("{\"type\":\"referral\",\"referralId\":\"" + REFERRAL_ID + "\",\"priority\":\"high\"}");
        List<RejectionError> expected = VALIDATOR.inspect(invalid, MessageType.REFERRAL).errors();

        List<List<RejectionError>> answers = IntStream.range(0, 256).parallel()
                .mapToObj(i -> VALIDATOR.inspect(invalid, MessageType.REFERRAL).errors())
                .toList();

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(expected));
    }

    @Test
    void anchorsAFinalDollarAtTheEndOfInput() {
        assertThat(EndAnchoredRegularExpressionFactory.anchorAtEndOfInput("^[0-9]{16}$")).isEqualTo("^[0-9]{16}\\z");
        assertThat(EndAnchoredRegularExpressionFactory.anchorAtEndOfInput("^a\\$")).isEqualTo("^a\\$");
        assertThat(EndAnchoredRegularExpressionFactory.anchorAtEndOfInput("^a\\\\$")).isEqualTo("^a\\\\\\z");
        assertThat(EndAnchoredRegularExpressionFactory.INSTANCE.getRegularExpression("^[a-z]+$").matches("police\n"))
                .isFalse();
    }

    private static ObjectNode victimReferral() {
        try {
            return (ObjectNode) MAPPER.readTree(Examples.valid(MessageType.REFERRAL, "police-to-social-victim-urgent"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The victim referral, padded with trailing whitespace to exactly {@code size} bytes. */
    private static byte[] paddedTo(int size) {
        byte[] compact = utf8(victimReferral().toString());
        byte[] body = Arrays.copyOf(compact, size);
        Arrays.fill(body, compact.length, size, (byte) ' ');
        return body;
    }

    /** {@code depth} nested objects: {"d":{"d":...{}}}. */
    private static String nested(int depth) {
        return "{\"d\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
