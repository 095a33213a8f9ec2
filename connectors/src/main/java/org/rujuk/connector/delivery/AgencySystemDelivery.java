package org.rujuk.connector.delivery;

import org.apache.camel.ExchangeProperty;
import org.rujuk.connector.config.ConnectorProperties;
import org.springframework.stereotype.Component;

/**
 * Hands one inbox message to the agency system the ways it is configured for: as a file in {@code inbox-dir}, then
 * by webhook. Returns only when every configured way has it; throws otherwise.
 */
@Component
class AgencySystemDelivery {

    private final boolean toFolder;
    private final boolean byWebhook;
    private final FolderDelivery folder;
    private final WebhookDelivery webhook;

    AgencySystemDelivery(ConnectorProperties properties, FolderDelivery folder, WebhookDelivery webhook) {
        this.toFolder = properties.deliversToFolder();
        this.byWebhook = properties.deliversByWebhook();
        this.folder = folder;
        this.webhook = webhook;
    }

    public void deliver(@ExchangeProperty(InboxMessage.PROPERTY) InboxMessage message) throws DeliveryFailedException {
        if (toFolder) {
            folder.write(message);
        }
        if (byWebhook) {
            webhook.post(message);
        }
    }
}
