package org.rujuk.hub.config;

/**
 * One login, valid on the broker and on the HTTP API alike.
 *
 * @param agency the agency code for agency accounts, otherwise {@code null}
 */
public record Account(String username, String password, Kind kind, String agency) {

    public enum Kind { AGENCY, HUB, COORDINATOR, ADMIN }

    @Override
    public String toString() {
        return "Account[" + username + ", " + kind + "]";
    }
}
