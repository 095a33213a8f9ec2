/**
 * The agency edge: turns an agency system's REST calls and files into contract messages and delivers the
 * agency's inbox back to it. Only the contract model ({@code org.rujuk.contract}) is shared with the hub;
 * the connector application itself arrives with the connectors issue.
 */
package org.rujuk.connector;
