package org.rujuk.hub.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.MessageType;
import org.rujuk.hub.AgencyClient;
import org.rujuk.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

class WatchdogTest extends HubIntegrationTest {

    private static final long WAIT = 10_000;

    @Autowired
    Watchdog watchdog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContractValidator contract;

    @Autowired
    TestRestTemplate http;

    @Autowired
    org.rujuk.hub.deadline.LegalClockProperties legal;

    private Connection coordinator;
    private MessageConsumer escalations;

    @BeforeEach
    void subscribeAsCoordinatorAndForgetOtherTestsClocks() throws JMSException {
        // Other test classes leave hand-offs behind in the shared ledger; their clocks are not this test's business.
        jdbc.sql("update handoff_clock set next_escalation_at = null, stuck_since = null").update();
        coordinator = new ActiveMQConnectionFactory(BROKER_URL, "coordinator", "demo").createConnection();
        var session = coordinator.createSession(false, Session.AUTO_ACKNOWLEDGE);
        escalations = session.createConsumer(session.createTopic(properties.addresses().escalations()));
        coordinator.start();
    }

    @AfterEach
    void unsubscribe() throws JMSException {
        coordinator.close();
    }

    @Test
    void announcesAnUnreceivedReferralOnceAtTheDeadlineAndAgainAtTwiceIt() throws Exception {
        ObjectNode referral = submitted("police", "social", "urgent");

        clock.advance(Duration.ofHours(4).minusMinutes(1));
        assertThat(watchdog.runOnce()).isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(watchdog.runOnce()).isEqualTo(1);
        JsonNode escalation = nextEscalation();
        assertThat(contract.validate(MessageType.ESCALATION, escalation)).isEmpty();
        assertThat(escalation.get("referralId").asText()).isEqualTo(id(referral));
        assertThat(escalation.get("deadline").asText()).isEqualTo("receive");
        assertThat(escalation.get("level").asInt()).isEqualTo(1);
        assertThat(escalation.get("mustAct").asText()).isEqualTo("social");
        assertThat(escalation.get("state").asText()).isEqualTo("submitted");
        assertThat(escalation.toString()).doesNotContain(referral.get("summary").asText(),
                "\"" + referral.get("child").get("initials").asText() + "\"");

        try (var police = agency("police"); var social = agency("social")) {
            JsonNode reminder = read(social.receive(inbox("social"), reminderFor(referral), WAIT));
            assertThat(contract.validate(MessageType.REMINDER, reminder)).isEmpty();
            assertThat(reminder.get("copy").asBoolean()).isFalse();
            assertThat(read(police.receive(inbox("police"), reminderFor(referral), WAIT)).get("copy").asBoolean())
                    .isTrue();

            assertThat(watchdog.runOnce()).as("announced once").isZero();
            assertThat(escalations.receive(300)).isNull();
            assertThat(stuck("agency=social")).extracting(s -> s.get("referralId").asText()).contains(id(referral));

            clock.advance(Duration.ofHours(4));
            assertThat(watchdog.runOnce()).isEqualTo(1);
            assertThat(nextEscalation().get("level").asInt()).isEqualTo(2);
            assertThat(social.drain(inbox("social"), reminderFor(referral))).hasSize(1);
            assertThat(watchdog.runOnce()).isZero();
        }
    }

    @Test
    void aCrashBetweenSendingAndRecordingAnEscalationRepeatsNothing() throws Exception {
        ObjectNode referral = submitted("police", "social", "emergency");
        clock.advance(Duration.ofMinutes(61));
        faults.arm("watchdog", org.rujuk.hub.FaultInjection.Point.AFTER_SEND, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(watchdog::runOnce).hasStackTraceContaining("injected fault");
        assertThat(watchdog.runOnce()).isEqualTo(1);
        assertThat(watchdog.runOnce()).isZero();

        assertThat(drainEscalations()).extracting(e -> e.get("referralId").asText()).containsExactly(id(referral));
        try (var social = agency("social"); var police = agency("police")) {
            assertThat(social.drain(inbox("social"), reminderFor(referral))).hasSize(1);
            assertThat(police.drain(inbox("police"), reminderFor(referral))).hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from handoff_deadline_event where kind = 'escalated' and referral_id = "
                + "cast(:id as uuid)").param("id", id(referral)).query(Long.class).single()).isOne();
    }

    @Test
    void movingOnClearsTheStuckMarkAndRecordsHowLateItWas() throws Exception {
        ObjectNode referral = submitted("police", "health", "emergency");
        clock.advance(Duration.ofMinutes(90));
        assertThat(watchdog.runOnce()).isEqualTo(1);
        assertThat(stuck("deadline=receive")).extracting(s -> s.get("referralId").asText()).contains(id(referral));

        try (var health = agency("health"); var police = agency("police")) {
            health.sendText(statusIn(), status(referral, "health", "received").toString());
            assertThat(police.receive(inbox("police"), selectorFor(referral) + " AND rujukType = 'status'", WAIT))
                    .isNotNull();
        }
        assertThat(stuck("")).extracting(s -> s.get("referralId").asText()).doesNotContain(id(referral));

        JsonNode view = http.withBasicAuth("coordinator", "demo")
                .getForObject("/api/v1/referrals/" + id(referral), JsonNode.class);
        JsonNode receive = clockNamed(view, "receive");
        assertThat(receive.get("status").asText()).isEqualTo("met");
        assertThat(Duration.parse(receive.get("lateBy").asText())).isEqualTo(Duration.ofMinutes(30));
        assertThat(clockNamed(view, "answer").get("status").asText()).isEqualTo("running");
        assertThat(view.get("deadlineHistory")).extracting(e -> e.get("deadline").asText() + ":"
                        + e.get("kind").asText())
                .containsSubsequence("receive:started", "receive:escalated", "receive:met", "answer:started");
    }

    @Test
    void answerAndProgressDeadlinesFollowThePriorityAndProgressRestartsOnEachStep() throws Exception {
        ObjectNode referral = submitted("social", "education", "routine");
        try (var education = agency("education"); var social = agency("social")) {
            education.sendText(statusIn(), status(referral, "education", "received").toString());
            awaitIdle(statusIn());
            clock.advance(Duration.ofHours(72).plusMinutes(1));
            assertThat(watchdog.runOnce()).isEqualTo(1);
            assertThat(nextEscalation().get("deadline").asText()).isEqualTo("answer");

            education.sendText(statusIn(), status(referral, "education", "accepted").toString());
            awaitIdle(statusIn());
            clock.advance(Duration.ofDays(13));
            education.sendText(statusIn(), status(referral, "education", "in_progress").toString());
            awaitIdle(statusIn());
            clock.advance(Duration.ofDays(13));
            assertThat(watchdog.runOnce()).as("in_progress restarted the progress clock").isZero();
            clock.advance(Duration.ofDays(1).plusMinutes(1));
            assertThat(watchdog.runOnce()).isEqualTo(1);
            JsonNode escalation = nextEscalation();
            assertThat(escalation.get("deadline").asText()).isEqualTo("progress");
            assertThat(escalation.get("state").asText()).isEqualTo("in_progress");
            social.drain(inbox("social"), selectorFor(referral));
        }
    }

    @Test
    void aDetainedChildsLegalClockIsAnnouncedWithItsLegalSource() throws Exception {
        ObjectNode referral = referral("police", "social");
        referral.put("childRole", "in_conflict_with_law");
        referral.put("category", "theft");
        referral.putArray("servicesRequested").add("social_research_report").add("diversion");
        var legal = referral.putObject("legal");
        legal.put("stage", "investigation");
        legal.put("stageStartedAt", clock.instant().minus(Duration.ofDays(2)).toString());
        legal.put("detained", true);
        submit(referral);

        JsonNode view = http.withBasicAuth("coordinator", "demo")
                .getForObject("/api/v1/referrals/" + id(referral), JsonNode.class);
        JsonNode request = clockNamed(view, "litmas_request");
        assertThat(request.get("status").asText()).isEqualTo("met");
        assertThat(Duration.parse(request.get("lateBy").asText())).isGreaterThan(Duration.ofHours(23));
        assertThat(request.get("source").asText()).contains("PP 65/2015");
        assertThat(clockNamed(view, "detention_investigation").get("status").asText()).isEqualTo("running");

        clock.advance(Duration.ofDays(13).plusMinutes(1));
        watchdog.runOnce();
        var announced = drainEscalations();
        assertThat(announced).extracting(e -> e.get("deadline").asText())
                .contains("detention_investigation", "litmas_delivery", "diversion_offer", "diversion_attempt");
        JsonNode detention = announced.stream()
                .filter(e -> e.get("deadline").asText().equals("detention_investigation")).findFirst().orElseThrow();
        assertThat(detention.get("source").asText()).isEqualTo("UU 11/2012 (SPPA) pasal 33");
        assertThat(stuck("deadline=detention_investigation&role=in_conflict_with_law"))
                .extracting(s -> s.get("source").asText()).contains("UU 11/2012 (SPPA) pasal 33");
    }

    /** Every configured legal clock, driven to its start, is announced with its source once its time is up. */
    @ParameterizedTest
    @MethodSource("legalClocks")
    void everyLegalClockIsAnnouncedWithItsSourceWhenItsTimeIsUp(String clockId) throws Exception {
        var clockDefinition = legal.legal().stream().filter(c -> c.id().equals(clockId)).findFirst().orElseThrow();
        var when = clockDefinition.appliesWhen();
        String to = when.toAgencies().isEmpty() ? "social" : when.toAgencies().iterator().next();
        String from = to.equals("police") ? "social" : "police";
        ObjectNode referral = referral(from, to);
        if (!when.childRoles().isEmpty()) {
            referral.put("childRole", when.childRoles().iterator().next().wire());
        }
        if (!when.categories().isEmpty()) {
            referral.put("category", when.categories().iterator().next().wire());
        }
        var services = referral.putArray("servicesRequested");
        when.servicesAny().forEach(service -> services.add(service.wire()));
        if (services.isEmpty()) {
            services.add("assessment");
        }
        if (referral.get("childRole").asText().equals("in_conflict_with_law") || !when.stages().isEmpty()) {
            var legalBlock = referral.putObject("legal");
            legalBlock.put("stage", when.stages().isEmpty() ? "investigation" : when.stages().iterator().next().wire());
            legalBlock.put("stageStartedAt", clock.instant().toString());
            legalBlock.put("detained", Boolean.TRUE.equals(when.detained()));
        }
        submit(referral);
        var startsAt = clockDefinition.startsAt();
        List<String> steps = switch (startsAt) {
            case RECEIVED -> List.of("received");
            case ACCEPTED -> List.of("accepted");
            case IN_PROGRESS -> List.of("in_progress");
            default -> List.of();
        };
        try (var recipient = agency(to)) {
            for (String step : steps) {
                recipient.sendText(statusIn(), status(referral, to, step).toString());
                awaitIdle(statusIn());
            }
        }
        if (clockDefinition.endsAt().contains(org.rujuk.contract.HandoffState.SUBMITTED)) {
            JsonNode view = http.withBasicAuth("coordinator", "demo")
                    .getForObject("/api/v1/referrals/" + id(referral), JsonNode.class);
            assertThat(clockNamed(view, clockId).get("status").asText()).isEqualTo("met");
            return;
        }
        clock.advance(clockDefinition.duration().plusMinutes(1));
        watchdog.runOnce();
        assertThat(drainEscalations()).filteredOn(e -> e.get("referralId").asText().equals(id(referral))
                        && e.get("deadline").asText().equals(clockId))
                .singleElement()
                .satisfies(e -> assertThat(e.get("source").asText()).isEqualTo(clockDefinition.source()));
    }

    static List<String> legalClocks() {
        return List.of("litmas_request", "litmas_delivery", "diversion_offer", "diversion_attempt",
                "diversion_process", "detention_investigation", "detention_prosecution", "detention_trial",
                "tpks_report_to_police", "tpks_temporary_protection");
    }

    @Test
    void theLegalClocksInTheConfigurationAreTheOnesTested() {
        assertThat(legal.legal()).extracting(c -> c.id()).containsExactlyInAnyOrderElementsOf(legalClocks());
    }

    @Test
    void aSexualViolenceReportToThePoliceRunsTheTpksClocks() throws Exception {
        ObjectNode referral = referral("social", "police");
        submit(referral);
        clock.advance(Duration.ofHours(25));
        watchdog.runOnce();
        assertThat(drainEscalations()).extracting(e -> e.get("deadline").asText())
                .contains("tpks_temporary_protection", "receive");
        clock.advance(Duration.ofHours(48));
        watchdog.runOnce();
        assertThat(drainEscalations()).extracting(e -> e.get("deadline").asText())
                .contains("tpks_report_to_police");
    }

    @Test
    void theStuckListIsForCoordinatorsOnly() {
        assertThat(http.withBasicAuth("police", "demo").getForEntity("/api/v1/handoffs/stuck", String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/api/v1/handoffs/stuck", String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    private ObjectNode submitted(String from, String to, String priority) throws Exception {
        ObjectNode referral = referral(from, to);
        referral.put("priority", priority);
        referral.put("category", "neglect");
        submit(referral);
        return referral;
    }

    private void submit(ObjectNode referral) throws Exception {
        String from = referral.get("from").asText();
        try (var sender = agency(from)) {
            sender.sendText(referralsIn(), referral.toString());
            assertThat(sender.receive(inbox(from), selectorFor(referral), WAIT)).isNotNull();
        }
    }

    private JsonNode nextEscalation() throws Exception {
        Message message = escalations.receive(WAIT);
        assertThat(message).as("an escalation").isNotNull();
        assertThat(message.getStringProperty("rujukType")).isEqualTo("escalation");
        return read(message);
    }

    private List<JsonNode> drainEscalations() throws Exception {
        var all = new ArrayList<JsonNode>();
        for (Message m = escalations.receive(1000); m != null; m = escalations.receive(300)) {
            all.add(read(m));
        }
        return all;
    }

    private List<JsonNode> stuck(String query) {
        JsonNode list = http.withBasicAuth("coordinator", "demo")
                .getForObject("/api/v1/handoffs/stuck?" + query, JsonNode.class);
        var items = new ArrayList<JsonNode>();
        list.forEach(items::add);
        return items;
    }

    private static JsonNode clockNamed(JsonNode view, String deadline) {
        for (JsonNode clock : view.get("clocks")) {
            if (clock.get("deadline").asText().equals(deadline)) {
                return clock;
            }
        }
        throw new AssertionError("no clock " + deadline + " in " + view.get("clocks"));
    }

    private static String reminderFor(JsonNode referral) {
        return selectorFor(referral) + " AND rujukType = 'reminder'";
    }

    private static String id(JsonNode referral) {
        return referral.get("referralId").asText();
    }
}
