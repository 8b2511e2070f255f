package nl.doorstroom.issuer;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo clients, each with the secret {@code <client id>-secret}: ops, analyst, auditor, admin, rijk, vng, ipo,
 * veiligheidsberaad, lrt, coa, ind, and one per
 * party — {@code gemeente-GM0363}, {@code provincie-PV27}, {@code vr-VR13}, {@code ggd-GGD13}. Party clients are made
 * when asked for, so every municipality has one without a list of 342 here.
 */
public class DemoClients implements RegisteredClientRepository {

    /** A client's roles and, for a party client, the party it may act for. */
    public record Grant(List<String> roles, String party) {
    }

    /** Clients that act in the role of their own name. */
    private static final Set<String> FIXED = Set.of("ops", "analyst", "auditor", "admin", "rijk", "vng", "ipo",
            "veiligheidsberaad", "lrt", "coa", "ind");

    private static final Pattern PARTY = Pattern.compile(
            "(gemeente)-(GM[0-9]{4})|(provincie)-(PV(2[0-9]|3[01]))|(vr)-(VR(0[1-9]|1[0-9]|2[0-5]))|(ggd)-(GGD(0[1-9]|1[0-9]|2[0-5]))");

    private final Duration tokenLifetime;

    public DemoClients(Duration tokenLifetime) {
        this.tokenLifetime = tokenLifetime;
    }

    public static Optional<Grant> grantOf(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        if (FIXED.contains(clientId)) {
            return Optional.of(new Grant(List.of(clientId), null));
        }
        Matcher m = PARTY.matcher(clientId);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(1) != null) return Optional.of(new Grant(List.of("gemeente"), m.group(2)));
        if (m.group(3) != null) return Optional.of(new Grant(List.of("provincie"), m.group(4)));
        if (m.group(6) != null) return Optional.of(new Grant(List.of("veiligheidsregio"), m.group(7)));
        return Optional.of(new Grant(List.of("ggd"), m.group(10)));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return grantOf(clientId).map(grant -> RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret("{noop}" + clientId + "-secret")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenLifetime).build())
                .build()).orElse(null);
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    /** Nothing to keep: the server saves a client to re-encode its secret, and these are made afresh when asked for. */
    @Override
    public void save(RegisteredClient registeredClient) {
    }
}
