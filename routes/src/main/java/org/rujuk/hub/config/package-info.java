/**
 * The hub's typed configuration ({@code rujuk.*}) and the accounts derived from it: which agencies exist,
 * the contract's addresses, where the broker is, and who may log in with which password.
 */
package org.rujuk.hub.config;
