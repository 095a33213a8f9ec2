/**
 * The demo launcher: the hub's embedded default and the four demo agencies' connectors in one JVM, so a newcomer
 * can try REST and file drop with one command. It owns only the wiring between them (ports, folders, where the hub's
 * broker and API are) and their start and stop order; the hub and the connector are used exactly as their own jars
 * start them, and still do not depend on each other.
 */
package org.rujuk.demo;
