/**
 * Delivery out: every message in the agency's inbox ({@code rujuk.agency.<code>.inbox}) is handed to the agency
 * system — as a file in {@code inbox-dir} (written atomically, one stable name per message) and/or POSTed to
 * {@code webhook-url} (signed with HMAC-SHA256, with an {@code Idempotency-Key} that is the same on every
 * redelivery) — and only then acknowledged. For a referral the connector then sends {@code received} for the agency,
 * in the same local JMS transaction as the acknowledgement: both happen, or neither.
 *
 * <p>At least once, never lost: a crash or failure anywhere before the commit rolls everything back and the broker
 * offers the message again, so the agency system may see a message twice — always with the same idempotency key —
 * but never loses one, and the hub gets one {@code received}. A webhook answering 5xx, 408 or 429, timing out or
 * refusing connections is retried with exponential back-off; any other 4xx is the agency system refusing the message
 * and is not retried by the connector. In both cases the message goes back to the broker (inboxes never dead-letter),
 * which offers it again on its own back-off until the agency system takes it; meanwhile health shows
 * {@code delivery} DOWN with the reason and the message's key, and the hub's deadlines show the hand-off as stuck.
 */
package org.rujuk.connector.delivery;
