package org.rujuk.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.MessageType;
import org.rujuk.hub.AgencyClient;
import org.rujuk.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile bodies on the referral address, sent by police: each is rejected to police with one rejection that
 * says why, nothing reaches the recipient, the ledger gains no row, and the hub goes on serving valid referrals.
 */
class HostileBodiesTest extends HubIntegrationTest {

    private static final long WAIT = 10_000;
    private static final String REJECTION = "rujukType = 'rejection'";
    private static final String LEDGER_TABLES = "handoff, handoff_event, handoff_clock";

    @Autowired
    ContractValidator contract;

    @Autowired
    JdbcClient jdbc;

    /**
     * One hostile body. {@code referral} is the referral it was made from (null when the body has no usable
     * referralId); {@code pointer} and {@code reason} are what the rejection must say.
     */
    record Hostile(String name, byte[] body, boolean asBytes, ObjectNode referral, String pointer, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Hostile> hostileBodies() {
        String deepObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        String deepArrays = "[".repeat(10_000) + "]".repeat(10_000);
        String tooDeepInReferral = referral("police", "social").toString()
                .replace("\"summary\":", "\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"summary\":");

        ObjectNode millionDigits = referral("police", "social");
        ObjectNode thousandDigits = referral("police", "social");
        ObjectNode hugeExponent = referral("police", "social");
        ObjectNode duplicateTo = referral("police", "social");
        ObjectNode escapedSurrogate = referral("police", "social");
        ObjectNode rawSurrogate = referral("police", "social");
        ObjectNode invalidUtf8 = referral("police", "social");
        ObjectNode twentyMegabytes = referral("police", "social");
        ObjectNode unknownField = referral("police", "social").put("favouriteColour", "blue");

        return Stream.of(
                new Hostile("10 000-deep objects", utf8(deepObjects), false, null,
                        "", "nested deeper than 16 levels"),
                new Hostile("10 000-deep arrays", utf8(deepArrays), false, null,
                        "", "nested deeper than 16 levels"),
                new Hostile("10 000-deep arrays inside a referral", utf8(tooDeepInReferral), false, null,
                        "", "nested deeper than 16 levels"),
                new Hostile("1 000 000-digit ageYears", utf8(withAge(millionDigits, "9".repeat(1_000_000))), false,
                        millionDigits, "", "the limit is 262144"),
                new Hostile("1 000-digit ageYears", utf8(withAge(thousandDigits, "9".repeat(1_000))), false,
                        thousandDigits, "", "number longer than 100 characters"),
                new Hostile("1e400 as ageYears", utf8(withAge(hugeExponent, "1e400")), false,
                        hugeExponent, "/child/ageYears", "whole number from 0 to 17"),
                new Hostile("duplicate to", utf8(duplicateTo.toString()
                        .replace("\"to\":\"social\"", "\"to\":\"social\",\"to\":\"health\"")), false,
                        duplicateTo, "/to", "given twice"),
                new Hostile("JSON-escaped lone surrogate in summary", utf8(withSummary(escapedSurrogate,
                        "Anak RA \\ud800 perlu pendampingan")), false,
                        escapedSurrogate, "/summary", "surrogate"),
                new Hostile("lone surrogate as raw bytes in summary", withSummaryBytes(rawSurrogate,
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), true,
                        rawSurrogate, "", "not valid UTF-8"),
                new Hostile("invalid UTF-8 in summary", withSummaryBytes(invalidUtf8,
                        new byte[] {(byte) 0xC3, (byte) 0x28}), true,
                        invalidUtf8, "", "not valid UTF-8"),
                new Hostile("20 MB summary", utf8(withSummary(twentyMegabytes, "x".repeat(20 * 1024 * 1024))), false,
                        twentyMegabytes, "", "the limit is 262144"),
                new Hostile("unknown field", utf8(unknownField.toString()), false,
                        unknownField, "/favouriteColour", "is not a field of this message"));
    }

    @org.junit.jupiter.api.Test
    void rejectsALoneSurrogateCharacterInATextMessage() throws Exception {
        ObjectNode referral = referral("police", "social");
        referral.put("summary", "Anak RA LONE-SURROGATE perlu pendampingan");
        // Built by hand: a JSON writer would escape or replace the lone surrogate before it reaches the broker.
        String body = referral.toString().replace("LONE-SURROGATE", String.valueOf((char) 0xD800));
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), body);
            JsonNode rejection = read(police.receive(inbox("police"), REJECTION, WAIT));
            assertThat(rejection.get("errors").get(0).get("message").asText()).contains("not valid UTF-8");
            assertThat(social.drain(inbox("social"), selectorFor(referral))).isEmpty();
        }
        assertThat(rowCount(referral)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void rejectsHostileBodyForwardsNothingAndKeepsServing(Hostile hostile) throws Exception {
        Map<String, Long> ledgerBefore = ledgerCounts();
        try (var police = agency("police"); var social = agency("social"); var health = agency("health")) {
            send(police, hostile);

            JsonNode rejection = read(police.receive(inbox("police"), REJECTION, WAIT));
            awaitIdle(referralsIn());
            assertThat(contract.validate(MessageType.REJECTION, rejection)).isEmpty();
            assertThat(pointers(rejection)).containsExactly(hostile.pointer());
            String reason = rejection.get("errors").get(0).get("message").asText();
            assertThat(reason).isNotBlank().contains(hostile.reason());
            if (hostile.referral() != null && rejection.has("referralId")) {
                assertThat(rejection.get("referralId").asText()).isEqualTo(id(hostile.referral()));
            }
            assertThat(police.drain(inbox("police"), null)).as("only one answer, no receipt").isEmpty();
            assertThat(social.drain(inbox("social"), null)).as("nothing forwarded").isEmpty();
            assertThat(health.drain(inbox("health"), null)).as("nothing forwarded").isEmpty();
        }
        if (hostile.referral() != null) {
            assertThat(rowCount(hostile.referral())).isZero();
        }
        assertThat(ledgerCounts()).as("no rows in " + LEDGER_TABLES).isEqualTo(ledgerBefore);
        assertValidReferralFlows();
    }

    @Test
    void keepsServingAfterAllHostileBodiesInARow() throws Exception {
        List<Hostile> all = hostileBodies().toList();
        try (var police = agency("police"); var social = agency("social")) {
            for (Hostile hostile : all) {
                send(police, hostile);
            }
            for (int i = 0; i < all.size(); i++) {
                assertThat(police.receive(inbox("police"), REJECTION, WAIT)).as("rejection " + (i + 1)).isNotNull();
            }
            awaitIdle(referralsIn());
            assertThat(police.drain(inbox("police"), null)).isEmpty();
            assertThat(social.drain(inbox("social"), null)).isEmpty();
        }
        assertValidReferralFlows();
    }

    private void assertValidReferralFlows() throws Exception {
        ObjectNode valid = referral("police", "social");
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), valid.toString());
            assertThat(social.receive(inbox("social"), selectorFor(valid), WAIT)).as("forwarded").isNotNull();
            assertThat(police.receive(inbox("police"), selectorFor(valid), WAIT).getStringProperty("rujukType"))
                    .isEqualTo("receipt");
        }
        assertThat(rowCount(valid)).isOne();
    }

    private void send(AgencyClient police, Hostile hostile) throws Exception {
        if (hostile.asBytes()) {
            police.sendBytes(referralsIn(), hostile.body());
        } else {
            police.sendText(referralsIn(), new String(hostile.body(), StandardCharsets.UTF_8));
        }
    }

    private static String withAge(ObjectNode referral, String number) {
        String body = referral.toString();
        assertThat(body).contains("\"ageYears\":13");
        return body.replace("\"ageYears\":13", "\"ageYears\":" + number);
    }

    /** The referral with {@code summary} set to raw JSON string content (escapes are kept as written). */
    private static String withSummary(ObjectNode referral, String rawContent) {
        String body = referral.deepCopy().put("summary", "SUMMARY-HERE").toString();
        return body.replace("SUMMARY-HERE", rawContent);
    }

    /** The referral as UTF-8 bytes with {@code bytes} spliced into the middle of its summary. */
    private static byte[] withSummaryBytes(ObjectNode referral, byte[] bytes) {
        String[] parts = referral.deepCopy().put("summary", "Anak RA SPLICE perlu pendampingan").toString()
                .split("SPLICE", -1);
        var out = new ByteArrayOutputStream();
        out.writeBytes(utf8(parts[0]));
        out.writeBytes(bytes);
        out.writeBytes(utf8(parts[1]));
        return out.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String id(JsonNode referral) {
        return referral.get("referralId").asText();
    }

    private Map<String, Long> ledgerCounts() {
        return Map.of(
                "handoff", jdbc.sql("select count(*) from handoff").query(Long.class).single(),
                "handoff_event", jdbc.sql("select count(*) from handoff_event").query(Long.class).single(),
                "handoff_clock", jdbc.sql("select count(*) from handoff_clock").query(Long.class).single());
    }

    private long rowCount(JsonNode referral) {
        return jdbc.sql("select count(*) from handoff where referral_id = cast(:id as uuid)")
                .param("id", id(referral)).query(Long.class).single();
    }
}
