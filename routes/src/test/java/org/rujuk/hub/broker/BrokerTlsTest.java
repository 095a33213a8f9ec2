package org.rujuk.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.rujuk.contract.ContractJson;
import org.rujuk.hub.AgencyClient;
import org.rujuk.hub.HubIntegrationTest;
import org.rujuk.hub.TestCertificates;
import org.rujuk.hub.TestPorts;
import org.rujuk.hub.TestPostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded broker with TLS and mutual TLS ({@code rujuk.broker.tls.client-auth=need}): an agency whose
 * certificate is mapped to it logs in with the certificate alone, is the validated user on its messages, and gets
 * its receipt; a client with no certificate, an unknown or untrusted one, or no TLS at all does not get in. Its
 * own context, broker port and data directory (the other tests share a plaintext broker).
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrokerTlsTest {

    private static final int PORT = TestPorts.free();
    private static final Path DIR = tempDir();
    private static final TestCertificates CERTIFICATES = TestCertificates.create(DIR.resolve("certs"));
    private static final String POLICE_DN = "CN=police, OU=Rujuk Test, O=Kepolisian Resor Metro, C=ID";
    private static final String SOCIAL_DN = "CN=social,OU=Rujuk Test,O=Dinas Sosial Kota Metro,C=ID";
    private static final Path POLICE = CERTIFICATES.client("police", POLICE_DN);
    private static final Path SOCIAL = CERTIFICATES.client("social", SOCIAL_DN);

    @DynamicPropertySource
    static void hubWithMutualTls(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("rujuk.data-dir", DIR::toString);
        registry.add("rujuk.broker.acceptor-url", () -> "tcp://localhost:" + PORT);
        registry.add("rujuk.broker.url", () -> "vm://" + PORT);
        registry.add("rujuk.watchdog.enabled", () -> "false");
        registry.add("rujuk.broker.tls.enabled", () -> "true");
        registry.add("rujuk.broker.tls.key-store", () -> CERTIFICATES.serverKeyStore().toString());
        registry.add("rujuk.broker.tls.key-store-password", () -> TestCertificates.PASSWORD);
        registry.add("rujuk.broker.tls.trust-store", () -> CERTIFICATES.trustStore().toString());
        registry.add("rujuk.broker.tls.trust-store-password", () -> TestCertificates.PASSWORD);
        registry.add("rujuk.broker.tls.client-auth", () -> "need");
        // A list is replaced whole, so every agency is listed again; police's DN deliberately has spaces.
        List<String> codes = List.of("police", "social", "health", "education");
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            registry.add("rujuk.agencies[" + i + "].code", () -> code);
            registry.add("rujuk.agencies[" + i + "].name", () -> code);
        }
        registry.add("rujuk.agencies[0].certificate-dn", () -> POLICE_DN);
        registry.add("rujuk.agencies[1].certificate-dn", () -> SOCIAL_DN);
    }

    @Test
    void anAgencyLogsInWithItsCertificateAloneAndGetsItsReceipt() throws Exception {
        var referral = referral("police", "social");
        String selector = "referralId = '" + referral.get("referralId").asText() + "'";
        try (var police = new AgencyClient(url(POLICE), null, null);
                var social = new AgencyClient(url(SOCIAL), null, null)) {
            police.sendText("rujuk.referrals.in", referral.toString());

            var delivered = social.receive("rujuk.agency.social.inbox", selector, 15_000);
            assertThat(delivered).as("the referral in social's inbox").isNotNull();
            assertThat(AgencyClient.text(delivered)).isEqualTo(referral.toString());
            JsonNode receipt = json(police.receive("rujuk.agency.police.inbox", selector, 15_000));
            assertThat(receipt.path("type").asText()).isEqualTo("receipt");
        }
    }

    @Test
    void theCertificateNotTheUserNameSaysWhoSends() throws Exception {
        // Police's certificate with social's name and password: the broker stamps police, so the hub refuses the
        // referral as spoofed and answers police.
        var referral = referral("social", "health");
        String selector = "referralId = '" + referral.get("referralId").asText() + "'";
        try (var police = new AgencyClient(url(POLICE), "social", "demo")) {
            police.sendText("rujuk.referrals.in", referral.toString());
            JsonNode rejection = json(police.receive("rujuk.agency.police.inbox", selector, 15_000));
            assertThat(rejection.path("type").asText()).isEqualTo("rejection");
            assertThat(rejection.path("errors").findValuesAsText("pointer")).contains("/from");
        }
    }

    @Test
    void aCertificateLoginHasItsAccountsPermissionsOnly() throws Exception {
        try (var police = new AgencyClient(url(POLICE), null, null)) {
            assertThatThrownBy(() -> police.receive("rujuk.agency.social.inbox", null, 100))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> police.sendText("rujuk.agency.social.inbox", "{}"))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    /**
     * AMQP over mutual TLS. Artemis 2.40 offered this client SASL PLAIN and ANONYMOUS only, not EXTERNAL, so the
     * client sends a user name and password; the broker still logs the connection in by its certificate.
     */
    @Test
    void amqpAgencyOverMutualTlsGetsItsReceipt() throws Exception {
        var referral = referral("police", "health");
        String selector = "referralId = '" + referral.get("referralId").asText() + "'";
        var factory = new JmsConnectionFactory("amqps://localhost:" + PORT
                + "?transport.trustStoreLocation=" + CERTIFICATES.trustStore()
                + "&transport.trustStorePassword=" + TestCertificates.PASSWORD + "&transport.trustStoreType=PKCS12"
                + "&transport.keyStoreLocation=" + POLICE + "&transport.keyStorePassword=" + TestCertificates.PASSWORD
                + "&transport.keyStoreType=PKCS12");
        try (var police = factory.createContext("police", "demo", Session.AUTO_ACKNOWLEDGE)) {
            police.createProducer().send(police.createQueue("rujuk.referrals.in"), referral.toString());
            try (var consumer = police.createConsumer(police.createQueue("rujuk.agency.police.inbox"), selector)) {
                var receipt = consumer.receive(15_000);
                assertThat(receipt).as("police's receipt over AMQP").isNotNull();
                assertThat(json(receipt).path("type").asText()).isEqualTo("receipt");
            }
        }
    }

    @Test
    void refusesTlsWithoutAClientCertificateEvenWithTheRightPassword() {
        assertThatThrownBy(() -> new AgencyClient(url(null), "police", "demo").close())
                .isInstanceOf(JMSException.class);
    }

    @Test
    void refusesACertificateFromAnUntrustedIssuer() {
        Path forged = CERTIFICATES.selfSigned("forged-police", POLICE_DN);
        assertThatThrownBy(() -> new AgencyClient(url(forged), null, null).close()).isInstanceOf(JMSException.class);
    }

    @Test
    void refusesATrustedCertificateThatNoAccountClaims() {
        Path stranger = CERTIFICATES.client("stranger", "CN=stranger,OU=Rujuk Test,O=Nobody,C=ID");
        assertThatThrownBy(() -> new AgencyClient(url(stranger), null, null).close())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void refusesPlaintextOnTheTlsAcceptor() {
        assertThatThrownBy(() -> new AgencyClient("tcp://localhost:" + PORT + "?callTimeout=2000", "police", "demo")
                .close()).isInstanceOf(JMSException.class);
    }

    /** A CORE client URL over TLS, trusting the test CA, presenting this key store's certificate (if any). */
    private static String url(Path keyStore) {
        String url = "tcp://localhost:" + PORT + "?sslEnabled=true;callTimeout=2000"
                + ";trustStorePath=" + CERTIFICATES.trustStore() + ";trustStorePassword=" + TestCertificates.PASSWORD
                + ";trustStoreType=PKCS12";
        return keyStore == null ? url
                : url + ";keyStorePath=" + keyStore + ";keyStorePassword=" + TestCertificates.PASSWORD
                        + ";keyStoreType=PKCS12";
    }

    private static JsonNode json(jakarta.jms.Message message) throws Exception {
        assertThat(message).as("a message").isNotNull();
        return ContractJson.mapper().readTree(message instanceof TextMessage text ? text.getText()
                : AgencyClient.text(message));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rujuk-tls-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode referral(String from, String to) {
        var referral = (ObjectNode) HubIntegrationTest.Examples.json("referral-police-to-social.json");
        referral.put("referralId", UUID.randomUUID().toString());
        referral.put("from", from);
        referral.put("to", to);
        return referral;
    }
}
