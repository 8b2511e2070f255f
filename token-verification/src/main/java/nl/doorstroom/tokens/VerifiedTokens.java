package nl.doorstroom.tokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token's RSA signature is checked once per process, not on every request: a client sends the same token until it
 * expires, and the check was a third of each request's CPU (profiled). The answer for a token is kept until its
 * {@code exp}; a token that fails is never kept, so it fails again each time. The cache is bounded: when full it is
 * emptied, which costs one check per token again.
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final int maximum;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(JwtDecoder verifier, Clock clock, int maximum) {
        this.verifier = verifier;
        this.clock = clock;
        this.maximum = maximum;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        Instant now = clock.instant();
        if (known != null && known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())) {
            return known;
        }
        verified.remove(token);
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= maximum) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
