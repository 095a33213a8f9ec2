package org.rujuk.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.rujuk.hub.AgencyClient;
import org.rujuk.hub.HubIntegrationTest;

/** No agency sees another's queue, sends where only the hub may, or creates anything on the broker. */
class BrokerSecurityTest extends HubIntegrationTest {

    @Test
    void noAgencyCanReadAnotherAgencysInboxOrTheHubsQueues() throws Exception {
        for (var agency : properties.agencies()) {
            try (var client = agency(agency.code())) {
                for (var other : properties.agencies()) {
                    if (!other.code().equals(agency.code())) {
                        assertThatThrownBy(() -> client.receive(inbox(other.code()), null, 100))
                                .as(agency.code() + " reading " + other.code())
                                .isInstanceOf(JMSSecurityException.class);
                    }
                }
                for (String queue : new String[] {referralsIn(), statusIn(), properties.addresses().dead()}) {
                    assertThatThrownBy(() -> client.receive(queue, null, 100)).as(agency.code() + " reading " + queue)
                            .isInstanceOf(JMSSecurityException.class);
                }
            }
        }
    }

    @Test
    void noAgencyCanSendToAnInboxTheDeadLettersOrTheEscalations() throws Exception {
        try (var police = agency("police")) {
            for (String address : new String[] {inbox("social"), inbox("police"), properties.addresses().dead()}) {
                assertThatThrownBy(() -> police.sendText(address, "{}")).as(address)
                        .isInstanceOf(JMSSecurityException.class);
            }
            assertThatThrownBy(() -> police.publishText(properties.addresses().escalations(), "{}"))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> police.sendText("rujuk.agency.police.outbox", "{}"))
                    .isInstanceOf(JMSException.class);
        }
    }

    @Test
    void refusesWrongPasswordsAndAnonymousLogins() {
        assertThatThrownBy(() -> new AgencyClient(BROKER_URL, "police", "not-the-password").close())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(BROKER_URL).createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void onlyTheCoordinatorMaySubscribeToEscalations() throws Exception {
        var coordinator = new ActiveMQConnectionFactory(BROKER_URL, "coordinator", "demo");
        try (var connection = coordinator.createConnection()) {
            var session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThat(session.createConsumer(session.createTopic(properties.addresses().escalations()))).isNotNull();
        }
        var police = new ActiveMQConnectionFactory(BROKER_URL, "police", "demo");
        try (var connection = police.createConnection()) {
            var session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createTopic(properties.addresses().escalations())))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }
}
