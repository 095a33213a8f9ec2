package org.rujuk.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.MessageType;
import org.rujuk.hub.AgencyClient;
import org.rujuk.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ReferralIntakeRouteTest extends HubIntegrationTest {

    private static final long WAIT = 10_000;

    @Autowired
    ContractValidator contract;

    @Autowired
    JdbcClient jdbc;

    @Test
    void routesReferralVerbatimToRecipientAndAnswersSenderWithReceipt() throws Exception {
        ObjectNode referral = referral("police", "social");
        String body = referral.toPrettyString();
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), body);

            Message delivered = social.receive(inbox("social"), selectorFor(referral), WAIT);
            assertThat(delivered).isNotNull();
            assertThat(AgencyClient.text(delivered)).isEqualTo(body);
            assertThat(delivered.getStringProperty("rujukType")).isEqualTo("referral");
            assertThat(delivered.getJMSCorrelationID()).isEqualTo(referral.get("referralId").asText());

            Message receipt = police.receive(inbox("police"), selectorFor(referral), WAIT);
            assertThat(receipt.getStringProperty("rujukType")).isEqualTo("receipt");
            JsonNode json = read(receipt);
            assertThat(contract.validate(MessageType.RECEIPT, json)).isEmpty();
            assertThat(json.get("to").asText()).isEqualTo("social");
            assertThat(json.get("referralId").asText()).isEqualTo(referral.get("referralId").asText());
        }
        assertThat(state(referral)).isEqualTo("submitted");
    }

    @Test
    void acceptsReferralSentAsBytes() throws Exception {
        ObjectNode referral = referral("police", "health");
        try (var police = agency("police"); var health = agency("health")) {
            police.sendBytes(referralsIn(), referral.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(health.receive(inbox("health"), selectorFor(referral), WAIT)).isNotNull();
        }
    }

    @Test
    void rejectsInvalidReferralWithOneErrorPerProblem() throws Exception {
        ObjectNode referral = referral("police", "social");
        ((ObjectNode) referral.get("child")).put("nik", "12345");
        referral.put("favouriteColour", "blue");
        referral.remove("summary");
        try (var police = agency("police"); var social = agency("social")) {
            police.sendText(referralsIn(), referral.toString());

            JsonNode rejection = read(police.receive(inbox("police"), selectorFor(referral), WAIT));
            assertThat(contract.validate(MessageType.REJECTION, rejection)).isEmpty();
            assertThat(rejection.get("referralId").asText()).isEqualTo(referral.get("referralId").asText());
            assertThat(rejection.get("messageId").asText()).isNotBlank();
            assertThat(pointers(rejection)).containsExactlyInAnyOrder("/child/nik", "/favouriteColour", "/summary");
            assertThat(rejection.toString()).doesNotContain("12345");
            assertThat(social.drain(inbox("social"), selectorFor(referral))).isEmpty();
        }
        assertThat(rowCount(referral)).isZero();
    }

    @Test
    void rejectsSpoofedSenderToTheAccountThatReallySentIt() throws Exception {
        ObjectNode referral = referral("social", "health");
        try (var police = agency("police"); var social = agency("social"); var health = agency("health")) {
            police.sendText(referralsIn(), referral.toString());

            JsonNode rejection = read(police.receive(inbox("police"), selectorFor(referral), WAIT));
            assertThat(pointers(rejection)).containsExactly("/from");
            assertThat(social.drain(inbox("social"), selectorFor(referral))).isEmpty();
            assertThat(health.drain(inbox("health"), selectorFor(referral))).isEmpty();
        }
    }

    @Test
    void rejectsUnknownRecipientAndReferralToSelf() throws Exception {
        ObjectNode unknown = referral("police", "court");
        ObjectNode self = referral("police", "police");
        try (var police = agency("police")) {
            police.sendText(referralsIn(), unknown.toString());
            police.sendText(referralsIn(), self.toString());

            JsonNode toUnknown = read(police.receive(inbox("police"), selectorFor(unknown), WAIT));
            assertThat(pointers(toUnknown)).containsExactly("/to");
            assertThat(toUnknown.get("errors").get(0).get("message").asText()).contains("social");
            JsonNode toSelf = read(police.receive(inbox("police"), selectorFor(self), WAIT));
            assertThat(pointers(toSelf)).containsExactly("/to");
        }
    }

    @Test
    void rejectsUnparseableOversizeAndTooDeeplyNestedBodies() throws Exception {
        String oversize = "{\"type\":\"referral\",\"summary\":\"" + "x".repeat(256 * 1024) + "\"}";
        String tooDeep = "{\"a\":".repeat(17) + "1" + "}".repeat(17);
        try (var police = agency("police")) {
            police.sendText(referralsIn(), "this is not JSON");
            police.sendText(referralsIn(), oversize);
            police.sendText(referralsIn(), tooDeep);

            var rejections = List.of(
                    read(police.receive(inbox("police"), "rujukType = 'rejection'", WAIT)),
                    read(police.receive(inbox("police"), "rujukType = 'rejection'", WAIT)),
                    read(police.receive(inbox("police"), "rujukType = 'rejection'", WAIT)));
            for (JsonNode rejection : rejections) {
                assertThat(contract.validate(MessageType.REJECTION, rejection)).isEmpty();
                assertThat(rejection.has("referralId")).isFalse();
                assertThat(pointers(rejection)).containsExactly("");
            }
            assertThat(rejections).extracting(r -> r.get("errors").get(0).get("message").asText())
                    .anySatisfy(m -> assertThat(m).contains("JSON"))
                    .anySatisfy(m -> assertThat(m).contains("262144"))
                    .anySatisfy(m -> assertThat(m).contains("16"));
        }
    }

    @Test
    void absorbsAReSentReferral() throws Exception {
        ObjectNode referral = referral("police", "education");
        try (var police = agency("police"); var education = agency("education")) {
            police.sendText(referralsIn(), referral.toString());
            police.sendText(referralsIn(), referral.toString());
            awaitIdle(referralsIn());

            assertThat(education.drain(inbox("education"), selectorFor(referral))).hasSize(1);
            assertThat(police.drain(inbox("police"), selectorFor(referral))).hasSize(1);
        }
        assertThat(rowCount(referral)).isOne();
    }

    @Test
    void rejectsAReferralIdReusedForADifferentReferral() throws Exception {
        ObjectNode first = referral("police", "social");
        ObjectNode second = first.deepCopy().put("to", "health");
        try (var police = agency("police"); var health = agency("health")) {
            police.sendText(referralsIn(), first.toString());
            assertThat(police.receive(inbox("police"), "rujukType = 'receipt'", WAIT)).isNotNull();
            police.sendText(referralsIn(), second.toString());

            JsonNode rejection = read(police.receive(inbox("police"), "rujukType = 'rejection'", WAIT));
            assertThat(pointers(rejection)).containsExactly("/referralId");
            assertThat(health.drain(inbox("health"), selectorFor(first))).isEmpty();
        }
    }

    @Test
    void keepsNoChildIdentityInTheLedger() throws Exception {
        ObjectNode referral = referral("police", "social");
        var child = (ObjectNode) referral.get("child");
        child.put("initials", "QZX");
        child.put("nik", "9876543210123456");
        child.remove("ageYears");
        child.put("birthDate", "2012-03-04");
        referral.put("summary", "MARKER-SUMMARY-7f3a");
        try (var police = agency("police")) {
            police.sendText(referralsIn(), referral.toString());
            assertThat(police.receive(inbox("police"), selectorFor(referral), WAIT)).isNotNull();
        }
        String ledger = String.join("\n", jdbc.sql("select * from handoff").query((rs, n) -> row(rs)).list())
                + String.join("\n", jdbc.sql("select * from handoff_event").query((rs, n) -> row(rs)).list());
        assertThat(ledger).doesNotContain("QZX", "9876543210123456", "2012-03-04", "MARKER-SUMMARY-7f3a");
        assertThat(jdbc.sql("select age_years from handoff where referral_id = cast(:id as uuid)")
                .param("id", referral.get("referralId").asText()).query(Integer.class).single()).isEqualTo(14);
    }

    private static String row(java.sql.ResultSet rs) throws java.sql.SQLException {
        var values = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            values.append(rs.getString(i)).append('|');
        }
        return values.toString();
    }

    private String state(JsonNode referral) {
        return jdbc.sql("select state from handoff where referral_id = cast(:id as uuid)")
                .param("id", referral.get("referralId").asText()).query(String.class).single();
    }

    private long rowCount(JsonNode referral) {
        return jdbc.sql("select count(*) from handoff where referral_id = cast(:id as uuid)")
                .param("id", referral.get("referralId").asText()).query(Long.class).single();
    }
}
