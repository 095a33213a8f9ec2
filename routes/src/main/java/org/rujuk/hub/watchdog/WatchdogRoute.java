package org.rujuk.hub.watchdog;

import org.apache.camel.builder.RouteBuilder;
import org.rujuk.hub.messaging.HubRouteConfiguration;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link Watchdog} every {@code rujuk.watchdog.interval}, so a hand-off past its deadline is announced
 * within one interval of it. Route id: {@code watchdog}.
 */
@Component
class WatchdogRoute extends RouteBuilder {

    private final Watchdog watchdog;

    WatchdogRoute(Watchdog watchdog) {
        this.watchdog = watchdog;
    }

    @Override
    public void configure() {
        from("timer:watchdog?period={{rujuk.watchdog.interval}}&delay={{rujuk.watchdog.interval}}")
                .routeId("watchdog")
                .routeConfigurationId(HubRouteConfiguration.ID)
                .autoStartup("{{rujuk.watchdog.enabled}}")
                .bean(watchdog, "runOnce");
    }
}
