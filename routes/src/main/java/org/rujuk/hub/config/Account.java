package org.rujuk.hub.config;

/**
 * One login, valid on the broker and on the HTTP API alike.
 *
 * @param agency the agency code for agency accounts, otherwise {@code null}
 * @param certificateDn the subject of the TLS client certificate that logs in as this account, in the form the
 *     broker compares ({@code CN=police, O=Rujuk}: RFC 1779, as {@code keytool -printcert} shows it), or {@code null}
 */
public record Account(String username, String password, Kind kind, String agency, String certificateDn) {

    public enum Kind { AGENCY, HUB, COORDINATOR, ADMIN }

    @Override
    public String toString() {
        return "Account[" + username + ", " + kind + "]";
    }
}
