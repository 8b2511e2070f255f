package nl.doorstroom.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/** The local stack's development token issuer: client-credentials tokens for the demo clients of the README. */
@SpringBootApplication
public class TokenIssuerApplication {

    public static final String CONFIG_NAME = "token-issuer";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(TokenIssuerApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
