package org.rujuk.hub.broker;

import org.rujuk.hub.config.HubAccounts;
import org.rujuk.hub.config.HubProperties;
import org.rujuk.hub.config.TransportSecurity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Production shape: the broker is external (an Artemis server or cluster) and is provisioned on start. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rujuk.broker.embedded", havingValue = "false")
class ExternalBrokerConfiguration {

    /** @param transportSecurity checked before the hub connects, so no password leaves in clear text by mistake */
    @Bean
    BrokerProvisioner brokerProvisioner(HubProperties properties, HubAccounts accounts,
            TransportSecurity transportSecurity) throws Exception {
        var provisioner = new BrokerProvisioner(properties, accounts);
        provisioner.provision();
        return provisioner;
    }

    @Bean
    QueueMessages queueMessages(HubProperties properties) {
        var b = properties.broker();
        return new ManagementQueueMessages(b.url(), b.adminUser(), b.adminPassword());
    }
}
