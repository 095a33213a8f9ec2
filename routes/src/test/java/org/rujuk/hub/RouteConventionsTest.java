package org.rujuk.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsEndpoint;
import org.junit.jupiter.api.Test;
import org.rujuk.hub.messaging.HubRouteConfiguration;
import org.springframework.beans.factory.annotation.Autowired;

/** Guards the conventions every route keeps (see STYLE.md). */
class RouteConventionsTest extends HubIntegrationTest {

    /** The dead-letter route is where the shared error handling sends to; it must not loop back into it. */
    private static final Set<String> OUTSIDE_SHARED_ERROR_HANDLING = Set.of("dead-letter");

    @Autowired
    CamelContext camel;

    @Test
    void everyRouteHasAKebabCaseIdAndTheSharedErrorHandling() {
        var model = camel.getCamelContextExtension().getContextPlugin(org.apache.camel.model.Model.class);
        assertThat(model.getRouteDefinitions()).isNotEmpty().allSatisfy(route -> {
            assertThat(route.getRouteId()).matches("[a-z]+(-[a-z]+)*");
            if (!OUTSIDE_SHARED_ERROR_HANDLING.contains(route.getRouteId())) {
                assertThat(route.getRouteConfigurationId()).as(route.getRouteId())
                        .isEqualTo(HubRouteConfiguration.ID);
            }
        });
    }

    @Test
    void consumersAreTransactedOnTheListenerSession() {
        for (String routeId : new String[] {"referral-intake", "status-intake"}) {
            var configuration = ((JmsEndpoint) camel.getRoute(routeId).getEndpoint()).getConfiguration();
            assertThat(configuration.isTransacted()).as(routeId).isTrue();
            assertThat(configuration.isLazyCreateTransactionManager()).as(routeId).isFalse();
            assertThat(configuration.isExposeListenerSession()).as(routeId).isTrue();
            assertThat(configuration.getTransactionManager()).as(routeId).isNull();
        }
    }
}
