package nl.doorstroom.platform.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each party reports progress on what the catalogue says it owes, and only on that. */
class ActingTest {

    private final Acting acting = new Acting();

    private void as(String role) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(role).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).claim("roles", List.of(role)).build();
        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void vng_reports_on_what_the_municipalities_owe_and_the_rijk_does_not() {
        as("vng");
        assertThat(acting.reportsOn("II.3")).as("owed by GEMEENTEN and PROVINCIES").isTrue();
        assertThat(acting.reportsOn("III.3")).as("owed by RIJK alone").isFalse();
        as("rijk");
        assertThat(acting.reportsOn("II.3")).isFalse();
        assertThat(acting.reportsOn("III.3")).isTrue();
    }

    @Test
    void the_four_signatories_report_on_what_all_parties_owe_and_coa_ind_and_the_lrt_on_their_own() {
        for (String signatory : List.of("rijk", "vng", "ipo", "veiligheidsberaad")) {
            as(signatory);
            assertThat(acting.reportsOn("INL.2")).as(signatory + " on INL.2 (alle partijen)").isTrue();
        }
        as("veiligheidsberaad");
        assertThat(acting.reportsOn("III.2")).as("owed by VEILIGHEIDSREGIOS").isTrue();
        as("coa");
        assertThat(acting.reportsOn("III.1.3")).isTrue();
        assertThat(acting.reportsOn("INL.2")).as("COA is not a signatory").isFalse();
        as("lrt");
        assertThat(acting.reportsOn("III.12.1")).isTrue();
        assertThat(acting.reportsOn("II.3")).isFalse();
        as("ipo");
        assertThat(acting.reportsOn("III.12.1")).isFalse();
    }

    @Test
    void one_province_does_not_report_for_all_provinces_and_is_named_by_its_code_when_it_acts() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("provincie-PV27").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).claim("party", "PV27").build();
        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_provincie"))));
        assertThat(acting.reportsOn("III.12.5")).as("owed by PROVINCIES: IPO reports for them").isFalse();
        assertThat(acting.as("provincie", "PV27")).isTrue();
        assertThat(acting.as("provincie", "PV26")).isFalse();
        assertThat(Acting.who()).isEqualTo("PV27");
        as("lrt");
        assertThat(Acting.who()).isEqualTo("lrt");
    }

    @Test
    void readers_report_on_nothing_and_an_unknown_ref_is_left_to_the_rijk() {
        for (String reader : List.of("ops", "analyst", "auditor", "gemeente")) {
            as(reader);
            assertThat(acting.reportsOn("II.3")).as(reader).isFalse();
        }
        as("rijk");
        assertThat(acting.reportsOn("IX.9")).isTrue();
        as("admin");
        assertThat(acting.reportsOn("II.3")).isTrue();
    }
}
