package org.rujuk.connector.filedrop;

import org.apache.camel.builder.RouteBuilder;
import org.rujuk.connector.config.ConnectorProperties;
import org.rujuk.connector.config.ConnectorRouteConfiguration;
import org.rujuk.connector.outbound.HubSenderRoute;
import org.springframework.stereotype.Component;

/**
 * Watches {@code outbox-dir}: each {@code *.json} file is checked by {@link DroppedFiles}, sent to the hub when
 * good, then moved to {@code sent/}, or to {@code failed/} next to its {@code .error.json}. A file whose send fails
 * (broker away) stays where it is and is tried again on a later poll. Route id: {@code file-drop}. No route when no
 * outbox-dir is configured.
 */
@Component
class FileDropRoute extends RouteBuilder {

    private final ConnectorProperties properties;
    private final DroppedFiles files;

    FileDropRoute(ConnectorProperties properties, DroppedFiles files) {
        this.properties = properties;
        this.files = files;
    }

    @Override
    public void configure() {
        if (properties.outboxDir() == null) {
            return;
        }
        var drop = properties.fileDrop();
        from("file:{{rujuk.connector.outbox-dir}}"
                // Hidden files (a writer's temp file, ".x.json.tmp") and other extensions are not picked up.
                + "?include=(?i).*\\.json"
                // A file is taken once it stopped changing: a writer that does not write-then-rename is not sent
                // half-written.
                + "&readLock=changed&readLockCheckInterval=" + drop.settleTime().toMillis()
                + "&readLockTimeout=" + Math.max(10_000, drop.settleTime().toMillis() * 4)
                + "&delay=" + drop.pollDelay().toMillis()
                + "&sortBy=file:modified"
                // Moved only after the route finished: to sent/ or failed/ as DroppedFiles decided. A failure
                // leaves the file in place (no moveFailed) for the next poll.
                + "&move=${exchangeProperty." + DroppedFiles.OUTCOME + "}/${file:name}")
                .routeId("file-drop")
                .routeConfigurationId(ConnectorRouteConfiguration.ID)
                .bean(files, "check").id("check-dropped-file")
                .filter(exchangeProperty(DroppedFiles.OUTCOME).isEqualTo(DroppedFiles.SENT))
                    .to(HubSenderRoute.SEND_TO_HUB).id("send-dropped-file")
                    .bean(files, "sent").id("count-dropped-file")
                .end();
    }
}
