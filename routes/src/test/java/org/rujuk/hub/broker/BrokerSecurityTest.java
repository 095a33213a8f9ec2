package org.rujuk.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.rujuk.hub.AgencyClient;
import org.rujuk.hub.HubIntegrationTest;

/**
 * No agency sees another's queue, sends where only the hub may, creates or deletes anything on the broker, reaches
 * it through wildcards, or talks to its management; over CORE/JMS and AMQP. (TLS and certificate logins:
 * {@link BrokerTlsTest}.)
 */
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

    @Test
    void noAgencyCanConsumeBrowseOrSendToAnyOtherAgencysInbox() throws Exception {
        for (var agency : properties.agencies()) {
            var factory = new ActiveMQConnectionFactory(BROKER_URL, agency.code(), "demo");
            try (var connection = factory.createConnection()) {
                var session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                for (var other : properties.agencies()) {
                    var inbox = session.createQueue(inbox(other.code()));
                    String who = agency.code() + " on " + other.code() + "'s inbox: ";
                    // Nobody but the hub sends to an inbox, not even its owner.
                    assertThatThrownBy(() -> session.createProducer(inbox).send(session.createTextMessage("{}")))
                            .as(who + "send").isInstanceOf(JMSSecurityException.class);
                    if (other.code().equals(agency.code())) {
                        continue;
                    }
                    assertThatThrownBy(() -> session.createConsumer(inbox)).as(who + "consume")
                            .isInstanceOf(JMSSecurityException.class);
                    assertThatThrownBy(() -> session.createBrowser(inbox).getEnumeration().hasMoreElements())
                            .as(who + "browse").isInstanceOf(JMSSecurityException.class);
                }
            }
        }
    }

    @Test
    void noAgencyCreatesOrDeletesQueuesOrAddressesThroughJms() throws Exception {
        var factory = new ActiveMQConnectionFactory(BROKER_URL, "police", "demo");
        try (var connection = factory.createConnection()) {
            connection.setClientID("police-test");
            var session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(session::createTemporaryQueue).as("temporary queue")
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(session::createTemporaryTopic).as("temporary topic")
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createDurableSubscriber(
                    session.createTopic(properties.addresses().escalations()), "police-escalations"))
                    .as("durable subscription").isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createSharedDurableConsumer(session.createTopic("rujuk.police.news"),
                    "police-news")).as("a new topic").isInstanceOf(JMSException.class);
        }
    }

    @Test
    void noAgencyCreatesOrDeletesQueuesOrAddressesThroughTheCoreApi() throws Exception {
        try (var locator = ActiveMQClient.createServerLocator(BROKER_URL);
                var sessions = locator.createSessionFactory();
                var session = sessions.createSession("police", "demo", false, true, true, false, 1)) {
            for (var queue : List.of(QueueConfiguration.of("rujuk.agency.police.copy").setDurable(true),
                    QueueConfiguration.of("police.scratch").setDurable(false).setAutoCreateAddress(true),
                    QueueConfiguration.of("police.copy").setAddress(inbox("social")).setRoutingType(RoutingType.MULTICAST))) {
                assertThatThrownBy(() -> session.createQueue(queue)).as("create " + queue.getName())
                        .isInstanceOf(ActiveMQSecurityException.class);
            }
            assertThatThrownBy(() -> session.createAddress(SimpleString.of("rujuk.police.news"),
                    EnumSet.of(RoutingType.ANYCAST), false)).isInstanceOf(ActiveMQSecurityException.class);
            for (String queue : List.of(inbox("police"), inbox("social"), referralsIn())) {
                assertThatThrownBy(() -> session.deleteQueue(queue)).as("delete " + queue)
                        .isInstanceOf(ActiveMQSecurityException.class);
            }
        }
        for (String queue : List.of(inbox("police"), inbox("social"), referralsIn())) {
            assertThat(broker.server().locateQueue(SimpleString.of(queue))).as(queue).isNotNull();
        }
    }

    /**
     * A wildcard subscription needs a subscription queue on a wildcard address: the address is never auto-created
     * and agencies may create no queue, so the broker refuses (with "no such address", before it gets to
     * permissions) and nothing is left behind.
     */
    @Test
    void noAgencyConsumesThroughWildcards() throws Exception {
        var before = Set.copyOf(broker.server().getPostOffice().getAddresses());
        var factory = new ActiveMQConnectionFactory(BROKER_URL, "police", "demo");
        var amqp = new JmsConnectionFactory("amqp://localhost:" + BROKER_PORT);
        try (var connection = factory.createConnection(); var amqpConnection = amqp.createConnection("police", "demo")) {
            var session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var amqpSession = amqpConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String wildcard : List.of("rujuk.agency.#", "rujuk.agency.*.inbox", "rujuk.#", "#")) {
                assertThatThrownBy(() -> session.createConsumer(session.createTopic(wildcard)))
                        .as("subscribe to " + wildcard).isInstanceOf(JMSException.class);
                assertThatThrownBy(() -> session.createConsumer(session.createQueue(wildcard)))
                        .as("consume " + wildcard).isInstanceOf(JMSException.class);
                assertThatThrownBy(() -> amqpSession.createConsumer(amqpSession.createTopic(wildcard)))
                        .as("subscribe over AMQP to " + wildcard).isInstanceOf(JMSException.class);
            }
        }
        assertThat(broker.server().getPostOffice().getAddresses()).as("addresses afterwards")
                .allMatch(address -> before.contains(address) || address.toString().startsWith("activemq."));
    }

    @Test
    void noAgencyReachesTheManagementAddress() throws Exception {
        try (var locator = ActiveMQClient.createServerLocator(BROKER_URL);
                var sessions = locator.createSessionFactory();
                var session = sessions.createSession("police", "demo", false, true, true, false, 1)) {
            session.start();
            // The request is refused at the send: a management reply never comes back to an agency.
            assertThatThrownBy(() -> {
                try (var requestor = new ClientRequestor(session, BrokerTopology.MANAGEMENT_ADDRESS)) {
                    var request = session.createMessage(false);
                    ManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, "listUser", "");
                    requestor.request(request, 2_000);
                }
            }).isInstanceOf(ActiveMQSecurityException.class);
        }
        var jms = new ActiveMQConnectionFactory(BROKER_URL, "police", "demo");
        try (var connection = jms.createConnection()) {
            var session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue(BrokerTopology.MANAGEMENT_ADDRESS)))
                    .isInstanceOf(JMSException.class);
        }
    }

    @Test
    void overAmqpTooNoAgencyReadsBrowsesOrSendsToAnotherInboxOrReachesManagement() throws Exception {
        var factory = new JmsConnectionFactory("amqp://localhost:" + BROKER_PORT);
        try (var connection = factory.createConnection("police", "demo")) {
            var session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var socialInbox = session.createQueue(inbox("social"));
            assertThatThrownBy(() -> session.createConsumer(socialInbox)).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createBrowser(socialInbox).getEnumeration().hasMoreElements())
                    .isInstanceOf(JMSException.class);
            assertThatThrownBy(() -> session.createProducer(socialInbox).send(session.createTextMessage("{}")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createProducer(session.createQueue(BrokerTopology.MANAGEMENT_ADDRESS))
                    .send(session.createTextMessage("{}"))).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(session::createTemporaryQueue).isInstanceOf(JMSException.class);
        }
        assertThatThrownBy(() -> factory.createConnection("police", "not-the-password").start())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> factory.createConnection().start()).isInstanceOf(JMSSecurityException.class);
    }
}
