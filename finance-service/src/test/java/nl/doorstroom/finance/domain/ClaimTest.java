package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.ApproveClaim;
import nl.doorstroom.finance.domain.FinanceCommands.PayClaim;
import nl.doorstroom.finance.domain.FinanceCommands.RejectClaim;
import nl.doorstroom.finance.domain.FinanceCommands.SubmitClaim;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimApproved;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimPaid;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimRejected;
import nl.doorstroom.finance.domain.FinanceEvents.ClaimSubmitted;
import nl.doorstroom.platform.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

class ClaimTest {

    private static final LocalDate ON = LocalDate.of(2022, 10, 3);
    private static final BigDecimal CLAIMED = new BigDecimal("125000.00");

    private AggregateTestFixture<Claim> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Claim.class);
        Map<String, String> locations = Map.of("CNO-ZUIDLAREN", "VR01");
        fixture.registerInjectableResource((KnownCnoLocations) id -> Optional.ofNullable(locations.get(id)));
        fixture.registerInjectableResource(new AgreedBudgetLines());
    }

    private static ClaimSubmitted submitted() {
        return new ClaimSubmitted("DECL-1", "VR01", "VR01", ClaimCategory.PERSONEEL, "CNO_KOSTEN", 2022, CLAIMED,
                "CNO-ZUIDLAREN", "inhuur beveiliging september", ON);
    }

    @Test
    void a_veiligheidsregio_claims_staff_costs_for_its_own_cno_location() {
        fixture.givenNoPriorActivity()
                .when(new SubmitClaim("DECL-1", "VR01", ClaimCategory.PERSONEEL, "CNO_KOSTEN", null, new BigDecimal("125000"),
                        "CNO-ZUIDLAREN", "inhuur beveiliging september", ON))
                .expectEvents(submitted());
    }

    @Test
    void a_claim_for_a_location_capacity_service_never_reported_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitClaim("DECL-1", "VR01", ClaimCategory.CNO_EXPLOITATIE, "CNO_KOSTEN", 2022, CLAIMED,
                        "CNO-ONBEKEND", null, ON))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("CNO-ONBEKEND"))
                .expectNoEvents();
    }

    @Test
    void a_veiligheidsregio_cannot_claim_for_a_location_of_another_region() {
        fixture.givenNoPriorActivity()
                .when(new SubmitClaim("DECL-1", "VR02", ClaimCategory.CNO_EXPLOITATIE, "CNO_KOSTEN", 2022, CLAIMED,
                        "CNO-ZUIDLAREN", null, ON))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_negative_amount_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitClaim("DECL-1", "VR01", ClaimCategory.CNO_EXPLOITATIE, "CNO_KOSTEN", 2022,
                        new BigDecimal("-10.00"), "CNO-ZUIDLAREN", null, ON))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void fractions_of_a_cent_are_refused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitClaim("DECL-1", "VR01", ClaimCategory.CNO_EXPLOITATIE, "CNO_KOSTEN", 2022,
                        new BigDecimal("10.001"), "CNO-ZUIDLAREN", null, ON))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void an_unknown_budget_line_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitClaim("DECL-1", "VR01", ClaimCategory.CNO_EXPLOITATIE, "ONBEKEND", 2022, CLAIMED,
                        "CNO-ZUIDLAREN", null, ON))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("ONBEKEND"))
                .expectNoEvents();
    }

    @Test
    void a_ggd_claims_its_extra_medical_costs_in_the_region_it_serves() {
        fixture.givenNoPriorActivity()
                .when(new SubmitClaim("DECL-2", "GGD03", ClaimCategory.MEDISCH, "GGD_MEDISCHE_KOSTEN", 2022,
                        new BigDecimal("8000"), null, "extra huisartsenzorg CNO", ON))
                .expectEvents(new ClaimSubmitted("DECL-2", "GGD03", "VR03", ClaimCategory.MEDISCH, "GGD_MEDISCHE_KOSTEN",
                        2022, new BigDecimal("8000.00"), null, "extra huisartsenzorg CNO", ON));
    }

    @Test
    void a_municipality_does_not_claim_medical_costs() {
        fixture.givenNoPriorActivity()
                .when(new SubmitClaim("DECL-2", "GM0014", ClaimCategory.MEDISCH, "GGD_MEDISCHE_KOSTEN", 2022,
                        new BigDecimal("8000"), null, null, ON))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_claim_approved_in_part_says_why() {
        fixture.given(submitted())
                .when(new ApproveClaim("DECL-1", new BigDecimal("100000"), null, ON.plusDays(7)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_claim_is_approved_in_part_with_its_reason() {
        fixture.given(submitted())
                .when(new ApproveClaim("DECL-1", new BigDecimal("100000"), "beveiliging boven tarief", ON.plusDays(7)))
                .expectEvents(new ClaimApproved("DECL-1", "VR01", "VR01", "CNO_KOSTEN", 2022, CLAIMED,
                        new BigDecimal("100000.00"), "beveiliging boven tarief", ON.plusDays(7)));
    }

    @Test
    void more_than_claimed_cannot_be_approved() {
        fixture.given(submitted())
                .when(new ApproveClaim("DECL-1", new BigDecimal("125000.01"), null, ON))
                .expectException(RuleViolation.class);
    }

    @Test
    void a_rejected_claim_cannot_be_paid() {
        fixture.given(submitted(), new ClaimRejected("DECL-1", "VR01", "VR01", CLAIMED, "geen CNO-kosten", ON))
                .when(new PayClaim("DECL-1", ON))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void paying_an_approved_claim_pays_the_approved_amount_and_hands_back_the_payment() {
        fixture.given(submitted(), new ClaimApproved("DECL-1", "VR01", "VR01", "CNO_KOSTEN", 2022, CLAIMED,
                        new BigDecimal("100000.00"), "deels", ON))
                .when(new PayClaim("DECL-1", ON.plusDays(14)))
                .expectEvents(new ClaimPaid("DECL-1", "VR01", "VR01", "CNO_KOSTEN", 2022, new BigDecimal("100000.00"), ON.plusDays(14)))
                .expectResultMessagePayload(new Payment("VR01", "DECL-1", new BigDecimal("100000.00")));
    }

    @Test
    void a_claim_is_rejected_only_with_a_reason() {
        fixture.given(submitted())
                .when(new RejectClaim("DECL-1", " ", ON))
                .expectException(RuleViolation.class);
    }

    @Test
    void a_claim_on_a_line_that_is_not_spent_through_claims_is_refused_naming_the_line() {
        fixture.givenNoPriorActivity()
                .when(new SubmitClaim("DECL-1", "VR01", ClaimCategory.PERSONEEL, "BDUR", 2023, CLAIMED,
                        "CNO-ZUIDLAREN", null, ON))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("not spent through claims"))
                .expectNoEvents();
    }

    @Test
    void cno_costs_are_not_claimed_on_the_line_of_the_ggds_medical_costs() {
        fixture.givenNoPriorActivity()
                .when(new SubmitClaim("DECL-1", "VR01", ClaimCategory.CNO_EXPLOITATIE, "GGD_MEDISCHE_KOSTEN", 2022, CLAIMED,
                        "CNO-ZUIDLAREN", null, ON))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("takes claims for [MEDISCH]"))
                .expectNoEvents();
    }

    @Test
    void an_approval_hands_back_what_it_commits_on_the_line() {
        fixture.given(submitted())
                .when(new ApproveClaim("DECL-1", new BigDecimal("100000"), "deels", ON.plusDays(7)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new Charge("CNO_KOSTEN", 2022, "DECL-1", new BigDecimal("100000.00")));
    }
}
