package nl.doorstroom.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Bearer tokens for service tests, shaped as the token issuer makes them ({@code roles}, {@code party}) and signed
 * with a key of this JVM, whose public half the services under test are told to trust.
 */
public final class TestTokens {

    public static final String ISSUER = "http://test-issuer.doorstroom.local";
    private static final RSAKey KEY = generate();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    /** A token of an admin client: may do anything, so service tests exercise behaviour, not authorisation. */
    public static String admin() {
        return token("admin", List.of("admin"), null);
    }

    public static String token(String client, List<String> roles, String party) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(client)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .claim("roles", roles);
        if (party != null) {
            claims.claim("party", party);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM file of the public key, for {@code doorstroom.security.public-key}. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                Path file = Files.createTempFile("doorstroom-test-issuer", ".pem");
                file.toFile().deleteOnExit();
                String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEY.toRSAPublicKey().getEncoded());
                Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
                publicKeyFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return publicKeyFile;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("doorstroom-test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
