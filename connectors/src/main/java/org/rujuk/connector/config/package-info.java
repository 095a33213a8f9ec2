/**
 * The connector's configuration: the typed {@code rujuk.connector.*} properties (which agency, which broker and
 * hub, where to deliver, where files are dropped), the one JMS connection factory logged in as the agency, the
 * contract validator, and the error handling every route shares.
 */
package org.rujuk.connector.config;
