package org.rujuk.hub.dashboard;

import org.rujuk.hub.api.ApiAccess;
import org.springframework.security.core.Authentication;

/**
 * Who is looking: a coordinator or administrator sees every hand-off; an agency's user only those its agency is a
 * party to ({@code agency} is then its code).
 */
record Viewer(String username, String agency) {

    static Viewer of(Authentication authentication) {
        String agency = authentication.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .filter(a -> a.startsWith(ApiAccess.AGENCY_AUTHORITY_PREFIX))
                .map(a -> a.substring(ApiAccess.AGENCY_AUTHORITY_PREFIX.length()))
                .findFirst().orElse(null);
        boolean overseer = authentication.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals("ROLE_" + ApiAccess.ROLE_COORDINATOR)
                        || a.getAuthority().equals("ROLE_" + ApiAccess.ROLE_ADMIN));
        return new Viewer(authentication.getName(), overseer ? null : agency);
    }

    boolean seesEverything() {
        return agency == null;
    }
}
