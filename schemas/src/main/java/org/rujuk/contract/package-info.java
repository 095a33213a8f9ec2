/**
 * The Rujuk wire contract, version 1, in Java: the JSON Schemas under {@code schemas/<name>/v1/} on the
 * classpath are its machine-readable form, and this package owns everything that reads or writes a
 * message against them — the message records ({@link org.rujuk.contract.Referral},
 * {@link org.rujuk.contract.StatusUpdate}, {@link org.rujuk.contract.Receipt},
 * {@link org.rujuk.contract.Rejection}, {@link org.rujuk.contract.StatusNotice},
 * {@link org.rujuk.contract.Reminder}, {@link org.rujuk.contract.Escalation}) and their wire enums, the
 * one strict Jackson configuration ({@link org.rujuk.contract.ContractJson}), and
 * {@link org.rujuk.contract.ContractValidator}, which turns a raw body into a parsed message or into the
 * errors a {@code rejection} carries, worded for a person and never repeating the values sent (they may
 * be a child's data). The hub and the connectors depend on this package; it depends on neither, nor on
 * Spring or Camel.
 */
package org.rujuk.contract;
