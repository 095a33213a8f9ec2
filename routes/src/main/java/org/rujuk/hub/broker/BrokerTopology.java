package org.rujuk.hub.broker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.settings.impl.PageFullMessagePolicy;
import org.rujuk.hub.config.Account;
import org.rujuk.hub.config.HubAccounts;
import org.rujuk.hub.config.HubProperties;

/**
 * The broker as the contract needs it, derived from configuration: the declared addresses and queues, who may
 * do what on each (deny by default), how each address handles failure, and which roles each account has.
 * The embedded broker is built from it ({@link EmbeddedBrokerConfiguration}) and an external broker is
 * provisioned from it ({@link BrokerProvisioner}), so there is one source of truth for both.
 */
public record BrokerTopology(
        List<QueueConfiguration> anycastQueues,
        List<String> multicastAddresses,
        Map<String, Set<Role>> security,
        Map<String, AddressSettings> addressSettings,
        Map<String, List<String>> rolesByUser) {

    static final String ROLE_HUB = "hub";
    static final String ROLE_AGENCY = "agency";
    static final String ROLE_COORDINATOR = "coordinator";
    static final String ROLE_ADMIN = "admin";
    static final String MANAGEMENT_ADDRESS = "activemq.management";
    static final String NOTIFICATIONS_MATCH = "activemq.#";
    static final String RUJUK_MATCH = "rujuk.#";

    static String agencyRole(String code) {
        return "agency-" + code;
    }

    public static BrokerTopology from(HubProperties properties, HubAccounts accounts) {
        var addresses = properties.addresses();
        var delivery = properties.delivery();
        var queues = new ArrayList<QueueConfiguration>();
        var security = new LinkedHashMap<String, Set<Role>>();
        var settings = new LinkedHashMap<String, AddressSettings>();

        // Deny by default: only the administrator matches the catch-all.
        security.put("#", Set.of(grantAll(ROLE_ADMIN)));
        security.put(MANAGEMENT_ADDRESS + "#", Set.of(grantAll(ROLE_ADMIN)));
        // Every Rujuk address: failures and expiries end in the dead-letter address; addresses are declared, never
        // created by a client's typo; memory pages to disk and senders are refused (never dropped) at the limit.
        // Provisioned as "rujuk.#" because an external broker's "#" belongs to it (with its own DLQ); the
        // embedded broker applies the same to "#".
        for (String match : List.of("#", RUJUK_MATCH)) {
            settings.put(match, new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(addresses.dead()))
                    .setExpiryAddress(SimpleString.of(addresses.dead()))
                    .setAutoCreateAddresses(false)
                    .setAutoCreateQueues(false)
                    .setAutoCreateDeadLetterResources(false)
                    .setSendToDLAOnNoRoute(true)
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                    .setPageLimitBytes(2L * 1024 * 1024 * 1024)
                    .setPageFullMessagePolicy(PageFullMessagePolicy.FAIL));
        }
        // The broker's own management notifications have no queue unless someone listens: they are not lost
        // messages and must not fill the dead-letter address.
        settings.put(NOTIFICATIONS_MATCH, new AddressSettings().setSendToDLAOnNoRoute(false));

        for (String in : List.of(addresses.referralsIn(), addresses.statusIn())) {
            queues.add(anycast(in));
            // The hub sends here only to replay a dead letter on an administrator's command, marked with the
            // original sender, which the intake believes only of the hub's own account.
            security.put(in, Set.of(
                    grant(ROLE_AGENCY, Permission.SEND),
                    grant(ROLE_HUB, Permission.SEND, Permission.CONSUME, Permission.BROWSE),
                    grant(ROLE_ADMIN, Permission.BROWSE, Permission.MANAGE)));
            // The hub dead-letters, with the reason, the delivery after the last allowed attempt; the broker's own
            // limit is one above that, as a backstop for a hub that crashes while dead-lettering.
            settings.put(in, new AddressSettings()
                    .setMaxDeliveryAttempts(delivery.maxAttempts() + 2)
                    .setRedeliveryDelay(delivery.redeliveryDelay().toMillis())
                    .setRedeliveryMultiplier(delivery.redeliveryMultiplier())
                    .setMaxRedeliveryDelay(delivery.maxRedeliveryDelay().toMillis()));
        }

        for (var agency : properties.agencies()) {
            String inbox = addresses.inboxOf(agency.code());
            queues.add(anycast(inbox));
            security.put(inbox, Set.of(
                    grant(agencyRole(agency.code()), Permission.CONSUME, Permission.BROWSE),
                    grant(ROLE_HUB, Permission.SEND),
                    grant(ROLE_ADMIN, Permission.BROWSE, Permission.MANAGE)));
        }
        // An agency whose system keeps failing on a message still gets it: inbox messages are never dead-lettered.
        settings.put(addresses.inboxPrefix() + "#", new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(delivery.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(delivery.redeliveryMultiplier())
                .setMaxRedeliveryDelay(delivery.maxRedeliveryDelay().toMillis()));

        queues.add(anycast(addresses.dead()));
        // The hub browses dead letters for the triage views and consumes one (by its key) to replay or discard it,
        // in the transaction that re-sends it: never two copies, never none.
        security.put(addresses.dead(), Set.of(
                grant(ROLE_HUB, Permission.SEND, Permission.CONSUME, Permission.BROWSE),
                grant(ROLE_ADMIN, Permission.CONSUME, Permission.BROWSE, Permission.MANAGE)));
        settings.put(addresses.dead(), new AddressSettings().setMaxDeliveryAttempts(-1));

        // Escalations go to whoever subscribes (coordinators keep a durable subscription to miss none); each is
        // also recorded in the ledger and listed as stuck, so one published while nobody listens is not lost.
        settings.put(addresses.escalations(), new AddressSettings().setSendToDLAOnNoRoute(false));
        security.put(addresses.escalations(), Set.of(
                grant(ROLE_HUB, Permission.SEND),
                grant(ROLE_COORDINATOR, Permission.CONSUME, Permission.BROWSE, Permission.SUBSCRIBE),
                grant(ROLE_ADMIN, Permission.BROWSE, Permission.MANAGE)));

        var roles = new LinkedHashMap<String, List<String>>();
        for (Account account : accounts.all()) {
            roles.put(account.username(), switch (account.kind()) {
                case AGENCY -> List.of(ROLE_AGENCY, agencyRole(account.agency()));
                case HUB -> List.of(ROLE_HUB);
                case COORDINATOR -> List.of(ROLE_COORDINATOR);
                case ADMIN -> List.of(ROLE_ADMIN);
            });
        }
        return new BrokerTopology(List.copyOf(queues), List.of(addresses.escalations()), security, settings, roles);
    }

    private static QueueConfiguration anycast(String name) {
        return QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST).setDurable(true);
    }

    /** What a role may do on a match; anything not granted is denied. */
    enum Permission { SEND, CONSUME, BROWSE, MANAGE, SUBSCRIBE }

    static Role grant(String roleName, Permission... permissions) {
        var granted = Set.of(permissions);
        var role = new Role();
        role.setName(roleName);
        role.setSend(granted.contains(Permission.SEND));
        role.setConsume(granted.contains(Permission.CONSUME));
        role.setBrowse(granted.contains(Permission.BROWSE));
        role.setManage(granted.contains(Permission.MANAGE));
        boolean subscribe = granted.contains(Permission.SUBSCRIBE);
        role.setCreateDurableQueue(subscribe);
        role.setDeleteDurableQueue(subscribe);
        role.setCreateNonDurableQueue(subscribe);
        role.setDeleteNonDurableQueue(subscribe);
        return role;
    }

    static Role grantAll(String roleName) {
        var role = grant(roleName, Permission.values());
        role.setCreateAddress(true);
        role.setDeleteAddress(true);
        role.setView(true);
        role.setEdit(true);
        return role;
    }

}
