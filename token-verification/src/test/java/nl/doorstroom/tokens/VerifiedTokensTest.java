package nl.doorstroom.tokens;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");

    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void a_token_is_checked_once_while_it_is_valid_and_again_once_it_has_expired() {
        MutableClock clock = new MutableClock(ISSUED);
        JwtDecoder verifier = token -> {
            checks.incrementAndGet();
            if (clock.instant().isAfter(ISSUED.plus(Duration.ofMinutes(5)))) {
                throw new BadJwtException("Jwt expired");
            }
            return jwt(token, ISSUED.plus(Duration.ofMinutes(5)));
        };
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 100);

        assertThat(tokens.decode("rijk-token").getSubject()).isEqualTo("rijk-token");
        tokens.decode("rijk-token");
        clock.now = ISSUED.plus(Duration.ofMinutes(4));
        tokens.decode("rijk-token");
        assertThat(checks).hasValue(1);

        clock.now = ISSUED.plus(Duration.ofMinutes(6));
        assertThatThrownBy(() -> tokens.decode("rijk-token")).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void a_token_that_fails_its_check_fails_every_time_and_is_never_kept() {
        JwtDecoder verifier = token -> {
            checks.incrementAndGet();
            throw new BadJwtException("signature does not match");
        };
        VerifiedTokens tokens = new VerifiedTokens(verifier, Clock.fixed(ISSUED, ZoneOffset.UTC), 100);

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }

    private static Jwt jwt(String token, Instant expires) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token).issuedAt(ISSUED).expiresAt(expires).build();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
