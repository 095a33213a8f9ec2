package org.rujuk.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.junit.jupiter.api.Test;
import org.rujuk.hub.config.ConfiguredHub;
import org.rujuk.hub.config.HubAccounts;

/** Adding an agency is configuration only: it gets an account, its role, its inbox and its permissions. */
class BrokerTopologyTest {

    @Test
    void aFifthAgencyFromConfigurationGetsItsUserRoleInboxAndPermissions() {
        var properties = new HashMap<String, String>();
        String[] codes = {"police", "social", "health", "education", "civil_registry"};
        for (int i = 0; i < codes.length; i++) {
            properties.put("rujuk.agencies[" + i + "].code", codes[i]);
            properties.put("rujuk.agencies[" + i + "].name", codes[i]);
        }
        properties.put("rujuk.agencies[4].certificate-dn", "CN=civil_registry,O=Disdukcapil Kota Metro");
        var hub = ConfiguredHub.properties(properties);
        var accounts = new HubAccounts(hub);
        var topology = BrokerTopology.from(hub, accounts);

        var account = accounts.find("civil_registry").orElseThrow();
        assertThat(account.agency()).isEqualTo("civil_registry");
        assertThat(account.password()).as("the demo password, embedded default").isEqualTo("demo");
        assertThat(account.certificateDn()).isEqualTo("CN=civil_registry, O=Disdukcapil Kota Metro");
        assertThat(topology.rolesByUser().get("civil_registry")).containsExactly("agency", "agency-civil_registry");

        String inbox = "rujuk.agency.civil_registry.inbox";
        assertThat(topology.anycastQueues()).extracting(QueueConfiguration::getName)
                .extracting(Object::toString).contains(inbox);
        Map<String, Role> roles = new HashMap<>();
        topology.security().get(inbox).forEach(role -> roles.put(role.getName(), role));
        assertThat(roles).containsOnlyKeys("agency-civil_registry", "hub", "admin");
        assertThat(roles.get("agency-civil_registry")).satisfies(role -> {
            assertThat(role.isConsume()).isTrue();
            assertThat(role.isBrowse()).isTrue();
            assertThat(role.isSend()).isFalse();
            assertThat(role.isCreateAddress() || role.isCreateDurableQueue() || role.isCreateNonDurableQueue()
                    || role.isDeleteAddress() || role.isDeleteDurableQueue() || role.isManage()).isFalse();
        });
        assertThat(roles.get("hub").isSend()).isTrue();
        // It sends where every agency sends, through the shared agency role, and nowhere else.
        assertThat(topology.security().get("rujuk.referrals.in")).anyMatch(r -> r.getName().equals("agency") && r.isSend());
        assertThat(topology.security().entrySet()).filteredOn(e -> !e.getKey().equals(inbox))
                .allSatisfy(e -> assertThat(e.getValue()).noneMatch(r -> r.getName().equals("agency-civil_registry")));
    }
}
