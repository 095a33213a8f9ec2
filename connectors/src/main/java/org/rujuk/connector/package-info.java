/**
 * The agency edge: one connector per agency, next to that agency's own system. It turns the system's REST calls
 * ({@code rest}) and dropped files ({@code filedrop}) into contract messages checked with the contract's own
 * validator and sent to the hub's addresses ({@code outbound}), and delivers the agency's inbox back to the system
 * by webhook and/or folder, acknowledging each referral with {@code received} once the system has it
 * ({@code delivery}). Only the contract model ({@code org.rujuk.contract}) is shared with the hub.
 */
package org.rujuk.connector;
