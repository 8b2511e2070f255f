package nl.doorstroom.finance;

import nl.doorstroom.contracts.finance.FinanceEventsV1;
import nl.doorstroom.testsupport.ReadModelRebuild;
import nl.doorstroom.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A rebuild of finance-service's projections equals the live state; same context as {@link FinanceIntegrationTest}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + FinanceServiceApplication.CONFIG_NAME)
@ContextConfiguration(initializers = RealInfrastructure.class)
@AutoConfigureObservability
class FinanceRebuildIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    DataSource dataSource;

    @Test
    void rebuilding_every_finance_projection_equals_the_live_state_and_publishes_nothing() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.postForEntity("/advances", new HttpEntity<>("""
                {"recipient":"VR08","amount":150000,"occurredOn":"2022-09-01"}""", headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        ReadModelRebuild.Outcome outcome = ReadModelRebuild.rebuildEqualsLive(http, dataSource, FinanceEventsV1.TOPIC,
                Duration.ofSeconds(60));

        assertThat(outcome.replayed()).contains("finance-projection", "commitment-register");
        assertThat(outcome.refused()).contains("outbound-publisher");
        assertThat(outcome.checksums()).containsKeys("finance_advance", "finance_budget_position", "finance_claim",
                "finance_business_case");
    }
}
