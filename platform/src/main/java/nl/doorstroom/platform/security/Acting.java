package nl.doorstroom.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who the caller acts for, for the write endpoints' {@code @PreAuthorize}: {@code @acting.as('gemeente', #gmCode)}
 * lets a municipality's token act for that municipality only; {@code @acting.rijk()} needs a Rijk role. An
 * {@code admin} token may do anything (operations and audit administration act on behalf of everyone).
 */
@Component("acting")
public class Acting {

    public static final String ADMIN = "ROLE_admin";

    /** The caller has the role and acts for exactly this party. */
    public boolean as(String role, String party) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (isAdmin(caller)) {
            return true;
        }
        return hasRole(caller, role) && party != null && party.equals(partyOf(caller));
    }

    /** The caller decides for the Rijk: budget amendments, claim decisions, advances, taakstelling. */
    public boolean rijk() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return isAdmin(caller) || hasRole(caller, "rijk");
    }

    public static String partyOf(Authentication caller) {
        return caller instanceof JwtAuthenticationToken jwt ? jwt.getToken().getClaimAsString("party") : null;
    }

    private static boolean isAdmin(Authentication caller) {
        return hasRole(caller, "admin");
    }

    private static boolean hasRole(Authentication caller, String role) {
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }
}
