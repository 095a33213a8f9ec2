package org.rujuk.hub.api;

import org.rujuk.hub.ledger.HandoffRecord;
import org.springframework.security.core.Authentication;

/** Who may see what: coordinators and administrators see every hand-off, an agency only its own. */
public final class ApiAccess {

    public static final String ROLE_COORDINATOR = "COORDINATOR";
    public static final String ROLE_ADMIN = "ADMIN";
    public static final String ROLE_AGENCY = "AGENCY";
    /** The authority that names an agency user's agency. */
    public static final String AGENCY_AUTHORITY_PREFIX = "AGENCY:";

    private ApiAccess() {
    }

    /** Coordinators and administrators: they see every hand-off, and each of their looks is audited. */
    public static boolean isOverseer(Authentication caller) {
        return caller.getAuthorities().stream().map(a -> a.getAuthority()).anyMatch(authority ->
                authority.equals("ROLE_" + ROLE_COORDINATOR) || authority.equals("ROLE_" + ROLE_ADMIN));
    }

    public static boolean maySee(Authentication caller, HandoffRecord handoff) {
        return caller.getAuthorities().stream().map(a -> a.getAuthority()).anyMatch(authority ->
                authority.equals("ROLE_" + ROLE_COORDINATOR)
                        || authority.equals("ROLE_" + ROLE_ADMIN)
                        || (authority.startsWith(AGENCY_AUTHORITY_PREFIX)
                                && handoff.isParty(authority.substring(AGENCY_AUTHORITY_PREFIX.length()))));
    }
}
