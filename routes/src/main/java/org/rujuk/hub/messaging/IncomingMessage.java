package org.rujuk.hub.messaging;

/**
 * A message as it reached the hub: its raw body, and what the broker (not the sender) says about it.
 *
 * @param messageKey    the broker's id of this message; the same on every redelivery of it
 * @param validatedUser the broker account that sent it ({@code populate-validated-user}); {@code null} if absent
 * @param deliveryCount 1 on the first delivery, more on redeliveries
 * @param text          whether it arrived as text (as opposed to bytes)
 */
public record IncomingMessage(byte[] body, String messageKey, String validatedUser, int deliveryCount,
        String address, boolean text) {

    /** Exchange property under which routes carry it. */
    public static final String PROPERTY = "rujukIncoming";

    @Override
    public String toString() {
        return "IncomingMessage[" + messageKey + " from " + validatedUser + " on " + address + ", delivery "
                + deliveryCount + ", " + body.length + " bytes]";
    }
}
