package nl.doorstroom.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where bearer tokens come from. {@code issuerUri} is the OAuth2 issuer (the local stack's development issuer, an
 * external one in production); its keys are read from {@code <issuerUri>/oauth2/jwks} unless {@code publicKey}
 * names a PEM public key (tests sign their own tokens with it).
 */
@ConfigurationProperties("doorstroom.security")
public record TokenSettings(String issuerUri, Resource publicKey) {
}
