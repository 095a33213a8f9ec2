package org.rujuk.hub.broker;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.core.security.Role;
import org.rujuk.hub.config.HubAccounts;
import org.rujuk.hub.config.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives an external Artemis broker the contract's topology on start, through the broker's management API as the
 * broker's own administrator: addresses and queues, address settings, security settings and the Rujuk
 * accounts. Every step is idempotent, so any number of hubs may start at once. The catch-all match ({@code #}),
 * the management address and the broker's notifications stay the broker's own: they hold its administrator's
 * rights; Rujuk's addresses get their defaults from {@code rujuk.#} instead.
 */
class BrokerProvisioner implements BrokerReady {

    private static final Logger log = LoggerFactory.getLogger(BrokerProvisioner.class);
    private static final Set<String> BROKER_OWNED_MATCHES = Set.of("#", BrokerTopology.MANAGEMENT_ADDRESS + "#",
            BrokerTopology.NOTIFICATIONS_MATCH);

    private final HubProperties properties;
    private final BrokerTopology topology;
    private final HubAccounts accounts;

    BrokerProvisioner(HubProperties properties, HubAccounts accounts) {
        this.properties = properties;
        this.accounts = accounts;
        this.topology = BrokerTopology.from(properties, accounts);
    }

    void provision() throws Exception {
        var b = properties.broker();
        if (b.adminPassword() == null || b.adminPassword().isBlank()) {
            throw new IllegalStateException("rujuk.broker.admin-password is not set: the hub needs the external "
                    + "broker's administrator to provision addresses, permissions and accounts");
        }
        try (var locator = ActiveMQClient.createServerLocator(b.url())
                .setInitialConnectAttempts(b.connectAttempts())
                .setRetryInterval(1000)
                .setRetryIntervalMultiplier(1.5)
                .setMaxRetryInterval(10_000);
             var factory = locator.createSessionFactory();
             var session = factory.createSession(b.adminUser(), b.adminPassword(), false, true, true, false, 1)) {
            session.start();
            var management = new Management(session);
            for (var queue : topology.anycastQueues()) {
                management.invoke("createQueue", queue.setAutoCreateAddress(true).toJSON(), true);
            }
            for (var address : topology.multicastAddresses()) {
                if (!management.succeeds("getAddressInfo", address)) {
                    management.invoke("createAddress", address, "MULTICAST");
                }
            }
            for (var entry : topology.addressSettings().entrySet()) {
                if (!BROKER_OWNED_MATCHES.contains(entry.getKey())) {
                    management.invoke("addAddressSettings", entry.getKey(), entry.getValue().toJSON());
                }
            }
            for (var entry : topology.security().entrySet()) {
                if (!BROKER_OWNED_MATCHES.contains(entry.getKey())) {
                    management.invoke("addSecuritySettings", securityArguments(entry.getKey(), entry.getValue()));
                }
            }
            if (b.provisionAccounts()) {
                for (var account : accounts.all()) {
                    String roles = String.join(",", topology.rolesByUser().get(account.username()));
                    // resetUser fails for an unknown user; addUser fails for a known one: try one, then the other.
                    if (!management.succeeds("resetUser", account.username(), account.password(), roles, false)) {
                        management.invoke("addUser", account.username(), account.password(), roles, false);
                    }
                }
                // A login tried before its account existed stays refused for the security cache's lifetime
                // otherwise.
                management.invoke("clearAuthenticationCache");
            }
        }
        // Never the whole URL: it may carry a key or trust store password.
        log.info("Provisioned broker {}: {} queues, {} security matches, {} accounts", withoutParameters(b.url()),
                topology.anycastQueues().size(), topology.security().size(), accounts.all().size());
    }

    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    private static Object[] securityArguments(String match, Set<Role> roles) {
        List<Predicate<Role>> permissions = List.of(Role::isSend, Role::isConsume, Role::isCreateDurableQueue,
                Role::isDeleteDurableQueue, Role::isCreateNonDurableQueue, Role::isDeleteNonDurableQueue,
                Role::isManage, Role::isBrowse, Role::isCreateAddress, Role::isDeleteAddress, Role::isView,
                Role::isEdit);
        Object[] arguments = new Object[permissions.size() + 1];
        arguments[0] = match;
        for (int i = 0; i < permissions.size(); i++) {
            var granted = permissions.get(i);
            arguments[i + 1] = roles.stream().filter(granted).map(Role::getName).sorted()
                    .collect(Collectors.joining(","));
        }
        return arguments;
    }

    /** Broker management operations invoked as request/reply messages on the management address. */
    private static final class Management {
        private final ClientSession session;

        Management(ClientSession session) {
            this.session = session;
        }

        void invoke(String operation, Object... arguments) throws Exception {
            var reply = request(operation, arguments);
            if (!ManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("broker management operation " + operation + " failed: "
                        + ManagementHelper.getResult(reply));
            }
        }

        boolean succeeds(String operation, Object... arguments) throws Exception {
            return ManagementHelper.hasOperationSucceeded(request(operation, arguments));
        }

        private org.apache.activemq.artemis.api.core.client.ClientMessage request(String operation,
                Object... arguments) throws Exception {
            try (var requestor = new ClientRequestor(session, "activemq.management")) {
                var message = session.createMessage(false);
                ManagementHelper.putOperationInvocation(message, ResourceNames.BROKER, operation, arguments);
                var reply = requestor.request(message, 30_000);
                if (reply == null) {
                    throw new IllegalStateException("broker did not answer management operation " + operation);
                }
                return reply;
            }
        }
    }
}
