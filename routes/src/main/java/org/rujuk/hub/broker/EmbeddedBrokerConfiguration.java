package org.rujuk.hub.broker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.ConfigurationUtils;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.rujuk.artemis.ValidatedUserPlugin;
import org.rujuk.hub.config.HubAccounts;
import org.rujuk.hub.config.HubProperties;
import org.rujuk.hub.config.TransportSecurity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The embedded default: an Artemis broker inside the hub, with one TCP acceptor speaking CORE, AMQP and STOMP
 * (over TLS, optionally with client certificates, when {@code rujuk.broker.tls} says so), persistence under
 * {@code rujuk.broker.data-dir}, security on, validated users stamped on every message, and the contract's
 * addresses declared up front from {@link BrokerTopology}.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rujuk.broker.embedded", havingValue = "true", matchIfMissing = true)
class EmbeddedBrokerConfiguration {

    /** The JAAS configuration name of certificate logins (see {@link CertificateLogins}). */
    static final String CERTIFICATE_LOGIN = "rujuk-certificate";

    @Bean
    QueueMessages queueMessages(EmbeddedBroker broker) {
        return new EmbeddedQueueMessages(broker);
    }

    /** @param transportSecurity checked before the broker opens its acceptor */
    @Bean(destroyMethod = "stop")
    EmbeddedBroker embeddedBroker(HubProperties properties, HubAccounts accounts, TransportSecurity transportSecurity)
            throws Exception {
        var topology = BrokerTopology.from(properties, accounts);
        var broker = new EmbeddedActiveMQ()
                .setConfiguration(configuration(properties, topology))
                .setSecurityManager(securityManager(properties, accounts, topology));
        broker.start();
        return new EmbeddedBroker(broker);
    }

    static Configuration configuration(HubProperties properties, BrokerTopology topology) throws Exception {
        var b = properties.broker();
        Path data = Path.of(b.dataDir()).toAbsolutePath();
        int bufferTimeoutNanos = Math.toIntExact(b.journalBufferTimeout().toNanos());
        var config = new ConfigurationImpl()
                .setName("rujuk-embedded")
                .setPersistenceEnabled(true)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(data.toString())
                // NIO everywhere: predictable on any disk; libaio is not guaranteed on a newcomer's machine.
                .setJournalType(JournalType.NIO)
                .setJournalBufferTimeout_NIO(bufferTimeoutNanos)
                .setJournalBufferTimeout_AIO(bufferTimeoutNanos)
                .setSecurityEnabled(true)
                // The hub trusts the broker, not the message, to say who sent it.
                .setPopulateValidatedUser(true)
                .setIDCacheSize(b.duplicateIdCacheSize())
                .setPersistIDCache(true)
                // Several hubs' brokers (and test contexts) share a JVM only without JMX name clashes.
                .setJMXManagementEnabled(false)
                .setMaxDiskUsage(90);
        for (TransportConfiguration acceptor : ConfigurationUtils.parseAcceptorURI("rujuk",
                withProtocols(b.acceptorUrl()))) {
            // As parameters, not in the URL: a path or password with ';' or '&' would otherwise cut the URL.
            acceptor.getParams().putAll(tlsParameters(b.tls()));
            config.addAcceptorConfiguration(acceptor);
        }
        if (b.url().startsWith("vm://")) {
            config.addAcceptorConfiguration("in-vm", b.url());
        }
        for (var queue : topology.anycastQueues()) {
            config.addAddressConfiguration(new CoreAddressConfiguration()
                    .setName(queue.getAddress().toString())
                    .addRoutingType(RoutingType.ANYCAST)
                    .addQueueConfig(queue));
        }
        for (var address : topology.multicastAddresses()) {
            config.addAddressConfiguration(new CoreAddressConfiguration().setName(address)
                    .addRoutingType(RoutingType.MULTICAST));
        }
        config.registerBrokerPlugin(new ValidatedUserPlugin());
        topology.security().forEach(config::putSecurityRoles);
        topology.addressSettings().forEach(config::addAddressSetting);
        return config;
    }

    private static String withProtocols(String acceptorUrl) {
        return acceptorUrl.contains("protocols=") ? acceptorUrl
                : acceptorUrl + (acceptorUrl.contains("?") ? "&" : "?") + "protocols=CORE,AMQP,STOMP";
    }

    /** Artemis's own acceptor parameters ({@code TransportConstants}), the same an external broker's URL takes. */
    static Map<String, Object> tlsParameters(HubProperties.Tls tls) {
        var params = new LinkedHashMap<String, Object>();
        if (!tls.enabled()) {
            return params;
        }
        params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
        params.put(TransportConstants.KEYSTORE_PATH_PROP_NAME, tls.keyStore());
        params.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, tls.keyStoreType());
        if (tls.keyStorePassword() != null) {
            params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, tls.keyStorePassword());
        }
        if (tls.trustStore() != null && !tls.trustStore().isBlank()) {
            params.put(TransportConstants.TRUSTSTORE_PATH_PROP_NAME, tls.trustStore());
            params.put(TransportConstants.TRUSTSTORE_TYPE_PROP_NAME, tls.trustStoreType());
            if (tls.trustStorePassword() != null) {
                params.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, tls.trustStorePassword());
            }
        }
        params.put(TransportConstants.NEED_CLIENT_AUTH_PROP_NAME, tls.clientAuth() == HubProperties.Tls.ClientAuth.NEED);
        params.put(TransportConstants.WANT_CLIENT_AUTH_PROP_NAME, tls.clientAuth() == HubProperties.Tls.ClientAuth.WANT);
        return params;
    }

    /**
     * Password logins for every account; with client certificates asked for, certificate logins too. Artemis
     * takes a connection that presented a certificate to the certificate login only, so such a client is the
     * account its certificate maps to, whatever user name it sends.
     */
    private static ActiveMQJAASSecurityManager securityManager(HubProperties properties, HubAccounts accounts,
            BrokerTopology topology) throws IOException {
        var users = new SecurityConfiguration();
        for (var account : accounts.all()) {
            users.addUser(account.username(), account.password());
            topology.rolesByUser().getOrDefault(account.username(), List.of())
                    .forEach(role -> users.addRole(account.username(), role));
        }
        var tls = properties.broker().tls();
        if (!tls.enabled() || tls.clientAuth() == HubProperties.Tls.ClientAuth.NONE) {
            return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users);
        }
        var certificates = CertificateLogins.write(Path.of(properties.broker().dataDir()).resolve("security"),
                accounts, topology);
        return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), CERTIFICATE_LOGIN, users, certificates);
    }
}
