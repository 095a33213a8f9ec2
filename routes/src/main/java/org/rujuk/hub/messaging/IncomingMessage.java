package org.rujuk.hub.messaging;

/**
 * A message as it reached the hub: its raw body, and what the broker (not the sender) says about it.
 *
 * @param messageKey    the broker's id of this message; the same on every redelivery of it. For a replay, the id of
 *                      the message the agency sent: the replay is that message delivered again, so the ledger
 *                      recognises what it already recorded and re-produces the same notices
 * @param validatedUser the broker account that sent it ({@code populate-validated-user}); {@code null} if absent.
 *                      For a replay, the account that sent the original (see {@link Replay})
 * @param deliveryCount 1 on the first delivery, more on redeliveries
 * @param text          whether it arrived as text (as opposed to bytes)
 * @param replay        how the hub re-sent a dead letter, or {@code null} for a message as its sender sent it
 */
public record IncomingMessage(byte[] body, String messageKey, String validatedUser, int deliveryCount,
        String address, boolean text, Replay replay) {

    /** Exchange property under which routes carry it. */
    public static final String PROPERTY = "rujukIncoming";

    /**
     * A dead letter the hub re-sent on an administrator's command. Believed only of a message whose broker-validated
     * sender is the hub's own account: an agency's message carrying these properties is just that agency's message.
     *
     * @param count      1 for the first replay of the original, 2 for the next, ...
     * @param relayedKey the broker's id of the re-sent message itself
     */
    public record Replay(int count, String relayedKey) {

        /** Message properties of a replay: the original's key, its sender and the replay's number. */
        public static final String OF = "rujukReplayOf";
        public static final String SENDER = "rujukReplaySender";
        public static final String COUNT = "rujukReplayCount";
    }

    public int replayCount() {
        return replay == null ? 0 : replay.count();
    }

    @Override
    public String toString() {
        return "IncomingMessage[" + messageKey + " from " + validatedUser + " on " + address + ", delivery "
                + deliveryCount + (replay == null ? "" : ", replay " + replay.count()) + ", " + body.length + " bytes]";
    }
}
