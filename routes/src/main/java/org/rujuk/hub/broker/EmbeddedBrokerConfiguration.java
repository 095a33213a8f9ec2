package org.rujuk.hub.broker;

import java.nio.file.Path;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The embedded default: an Artemis broker inside the hub, with one TCP acceptor speaking CORE, AMQP and STOMP,
 * persistence under {@code rujuk.broker.data-dir}, security on, validated users stamped on every message, and
 * the contract's addresses declared up front from {@link BrokerTopology}.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rujuk.broker.embedded", havingValue = "true", matchIfMissing = true)
class EmbeddedBrokerConfiguration {

    @Bean
    QueueMessages queueMessages(EmbeddedBroker broker) {
        return new EmbeddedQueueMessages(broker);
    }

    @Bean(destroyMethod = "stop")
    EmbeddedBroker embeddedBroker(HubProperties properties, HubAccounts accounts) throws Exception {
        var topology = BrokerTopology.from(properties, accounts);
        var broker = new EmbeddedActiveMQ()
                .setConfiguration(configuration(properties, topology))
                .setSecurityManager(securityManager(accounts, topology));
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
        config.addAcceptorConfiguration("rujuk", withProtocols(b.acceptorUrl()));
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

    private static ActiveMQJAASSecurityManager securityManager(HubAccounts accounts, BrokerTopology topology) {
        var users = new SecurityConfiguration();
        for (var account : accounts.all()) {
            users.addUser(account.username(), account.password());
            topology.rolesByUser().getOrDefault(account.username(), java.util.List.of())
                    .forEach(role -> users.addRole(account.username(), role));
        }
        return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users);
    }
}
