package org.rujuk.hub.retention;

import org.apache.camel.builder.RouteBuilder;
import org.rujuk.hub.messaging.HubRouteConfiguration;
import org.springframework.stereotype.Component;

/**
 * Runs {@link Retention} every {@code rujuk.retention.interval} (daily by default), the first time one interval
 * after start. Route id: {@code retention}.
 */
@Component
class RetentionRoute extends RouteBuilder {

    private final Retention retention;

    RetentionRoute(Retention retention) {
        this.retention = retention;
    }

    @Override
    public void configure() {
        from("timer:retention?period={{rujuk.retention.interval}}&delay={{rujuk.retention.interval}}")
                .routeId("retention")
                .routeConfigurationId(HubRouteConfiguration.ID)
                .autoStartup("{{rujuk.retention.enabled}}")
                .bean(retention, "runOnce");
    }
}
