package nl.doorstroom.platform.security;

import nl.doorstroom.contracts.catalogue.CatalogueEntry;
import nl.doorstroom.contracts.catalogue.CommitmentCatalogue;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who the caller acts for, for the write endpoints' {@code @PreAuthorize}: {@code @acting.as('gemeente', #gmCode)}
 * lets a municipality's token act for that municipality only; {@code @acting.rijk()} needs a Rijk role;
 * {@code @acting.reportsOn(#ref)} lets each party report on the commitments the catalogue says it owes. An
 * {@code admin} token may do anything (operations and audit administration act on behalf of everyone).
 */
@Component("acting")
public class Acting {

    public static final String ADMIN = "ROLE_admin";

    /**
     * The catalogue's parties each role speaks for: the four signatories (the Rijk; VNG for the municipalities; IPO for
     * the provinces; the Veiligheidsberaad for the safety regions) for what "alle partijen" owe as well, and COA, IND
     * and the LRT for what they owe themselves.
     */
    static final Map<String, Set<String>> PARTIES_OF_ROLE = Map.of(
            "rijk", Set.of("RIJK", "ALLE_PARTIJEN"),
            "vng", Set.of("VNG", "GEMEENTEN", "ALLE_PARTIJEN"),
            "ipo", Set.of("IPO", "PROVINCIES", "ALLE_PARTIJEN"),
            "veiligheidsberaad", Set.of("VEILIGHEIDSBERAAD", "VEILIGHEIDSREGIOS", "ALLE_PARTIJEN"),
            "coa", Set.of("COA"),
            "ind", Set.of("IND"),
            "lrt", Set.of("LRT"));

    /**
     * The caller speaks for a party that owes the commitment. A ref the catalogue does not know is left to the Rijk,
     * so that the register answers 404 for it as before.
     */
    public boolean reportsOn(String ref) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (isAdmin(caller)) {
            return true;
        }
        List<String> owedBy = CommitmentCatalogue.load().find(ref).map(CatalogueEntry::owedBy).orElse(null);
        if (owedBy == null) {
            return hasRole(caller, "rijk");
        }
        return PARTIES_OF_ROLE.entrySet().stream()
                .anyMatch(role -> hasRole(caller, role.getKey()) && owedBy.stream().anyMatch(role.getValue()::contains));
    }

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
        return has("rijk");
    }

    /** The caller has the role (or is admin): {@code @acting.has('coa')}. */
    public boolean has(String role) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return isAdmin(caller) || hasRole(caller, role);
    }

    /**
     * Who the current caller is, as the events that record an act name it: the party a party client acts for
     * ({@code PV27}, {@code GM0363}), else the client itself ({@code rijk}, {@code admin}); null without a caller.
     */
    public static String who() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null) {
            return null;
        }
        String party = partyOf(caller);
        return party != null ? party : caller.getName();
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
