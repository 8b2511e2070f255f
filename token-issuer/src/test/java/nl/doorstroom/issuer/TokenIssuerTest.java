package nl.doorstroom.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + TokenIssuerApplication.CONFIG_NAME, "doorstroom.issuer.url=http://localhost:9000"})
class TokenIssuerTest {

    @Autowired
    TestRestTemplate http;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_municipality_gets_a_token_naming_its_role_and_party() throws Exception {
        ResponseEntity<String> response = token("gemeente-GM0363", "gemeente-GM0363-secret");
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode claims = claims(response.getBody());
        assertThat(claims.get("roles")).hasToString("[\"gemeente\"]");
        assertThat(claims.get("party").asText()).isEqualTo("GM0363");
        assertThat(claims.get("iss").asText()).isEqualTo("http://localhost:9000");
        assertThat(claims.get("sub").asText()).isEqualTo("gemeente-GM0363");
    }

    @Test
    void a_veiligheidsregio_and_the_fixed_clients_get_theirs() throws Exception {
        assertThat(claims(token("vr-VR13", "vr-VR13-secret").getBody()).get("party").asText()).isEqualTo("VR13");
        JsonNode admin = claims(token("admin", "admin-secret").getBody());
        assertThat(admin.get("roles")).hasToString("[\"admin\"]");
        assertThat(admin.has("party")).isFalse();
    }

    @Test
    void a_wrong_secret_or_an_unknown_client_gets_no_token() {
        assertThat(token("ops", "guess").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(token("gemeente-GM03", "gemeente-GM03-secret").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(token("vr-VR26", "vr-VR26-secret").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void the_gateways_swagger_ui_may_fetch_a_token_from_the_browser_and_another_site_may_not() {
        ResponseEntity<String> fromSwaggerUi = preflight("http://localhost:8080");
        assertThat(fromSwaggerUi.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fromSwaggerUi.getHeaders().getAccessControlAllowOrigin()).isEqualTo("http://localhost:8080");
        assertThat(fromSwaggerUi.getHeaders().getAccessControlAllowHeaders()).contains("authorization");

        ResponseEntity<String> fromElsewhere = preflight("https://elsewhere.example");
        assertThat(fromElsewhere.getHeaders().getAccessControlAllowOrigin()).isNull();
    }

    private ResponseEntity<String> preflight(String origin) {
        HttpHeaders headers = new HttpHeaders();
        headers.setOrigin(origin);
        headers.setAccessControlRequestMethod(org.springframework.http.HttpMethod.POST);
        headers.setAccessControlRequestHeaders(java.util.List.of("authorization", "content-type"));
        return http.exchange("/oauth2/token", org.springframework.http.HttpMethod.OPTIONS, new HttpEntity<>(headers), String.class);
    }

    @Test
    void the_signing_keys_are_public() {
        assertThat(http.getForObject("/oauth2/jwks", String.class)).contains("\"kty\":\"RSA\"");
    }

    private ResponseEntity<String> token(String client, String secret) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setBasicAuth(client, secret);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        return http.postForEntity("/oauth2/token", new HttpEntity<>(form, headers), String.class);
    }

    private JsonNode claims(String tokenResponse) throws Exception {
        String jwt = json.readTree(tokenResponse).get("access_token").asText();
        return json.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
