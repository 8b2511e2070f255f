package nl.doorstroom.housing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.housing.domain.Gemeente;
import nl.doorstroom.housing.domain.Gemeenten;
import nl.doorstroom.housing.domain.HousingCommands.AgreeToSwap;
import nl.doorstroom.housing.domain.HousingCommands.CorrectHousing;
import nl.doorstroom.housing.domain.HousingCommands.RecordFlexHomes;
import nl.doorstroom.housing.domain.HousingCommands.RecordHousing;
import nl.doorstroom.housing.domain.HousingCommands.RecordPrtAgreement;
import nl.doorstroom.housing.domain.HousingCommands.SetTaakstelling;
import nl.doorstroom.housing.domain.HousingCommands.SwapOutcome;
import nl.doorstroom.housing.domain.HousingCommands.SwapTaakstelling;
import nl.doorstroom.housing.domain.Period;
import nl.doorstroom.housing.projection.HousingQueries;
import nl.doorstroom.housing.projection.HousingQueries.FlexHomes;
import nl.doorstroom.housing.projection.HousingQueries.MunicipalityFigures;
import nl.doorstroom.housing.projection.HousingQueries.NationalFigures;
import nl.doorstroom.housing.projection.HousingQueries.ProvinceFigures;
import nl.doorstroom.housing.projection.HousingQueries.Waiting;
import nl.doorstroom.housing.web.HousingRequests.FlexHomesRequest;
import nl.doorstroom.housing.web.HousingRequests.HousingCorrectionRequest;
import nl.doorstroom.housing.web.HousingRequests.HousingRequest;
import nl.doorstroom.housing.web.HousingRequests.PrtAgreementRequest;
import nl.doorstroom.housing.web.HousingRequests.SwapAgreementRequest;
import nl.doorstroom.housing.web.HousingRequests.SwapAnswer;
import nl.doorstroom.housing.web.HousingRequests.SwapRequest;
import nl.doorstroom.housing.web.HousingRequests.SwapStatus;
import nl.doorstroom.housing.web.HousingRequests.TaakstellingRequest;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.security.Acting;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.access.prepost.PreAuthorize;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Commands go in as POSTs and are accepted once recorded as events (202); the read models follow within
 * moments. Queries answer from the read models. A municipality that merged away is accepted by its old code and
 * counted for the municipality it joined.
 */
@RestController
@Validated
@Tag(name = "housing", description = "Taakstelling for vergunninghouders per municipality and half year, province roll-up")
public class HousingController {

    private final CommandGateway commands;
    private final HousingQueries queries;
    private final Clock clock;

    public HousingController(CommandGateway commands, HousingQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping("/periods/{period}/taakstelling")
    @PreAuthorize("@acting.rijk()")
    @Operation(summary = "The Rijk sets the national taakstelling of a half year; it is distributed by population (III.12.2, III.12.5)")
    public ResponseEntity<Void> setTaakstelling(@PathVariable @Pattern(regexp = HousingRequests.PERIOD) String period,
                                                @Valid @RequestBody TaakstellingRequest request) {
        commands.sendAndWait(new SetTaakstelling(period, request.nationalTotal(), dated(request.occurredOn())));
        return ResponseEntity.accepted().location(URI.create("/periods/" + period + "/national")).build();
    }

    @PostMapping("/periods/{period}/swaps")
    @PreAuthorize("@acting.as('gemeente', #request.fromGemeente()) or @acting.as('provincie', "
            + "T(nl.doorstroom.housing.domain.Gemeenten).provincieOf(#request.fromGemeente()))")
    @Operation(summary = "Two municipalities of one province swap part of a period's taakstelling for CNO or reception"
            + " tasks (III.5)", description = "Proposed by the giving municipality, and in effect once the receiving"
            + " municipality agrees (POST .../swap-agreements with the swapId answered here: status PROPOSED); or"
            + " arranged with both by their province's regietafel (a provincie-PVxx client), in effect at once (status"
            + " AGREED). A swap across a provincial border is 422 naming toGemeente.")
    public ResponseEntity<SwapAnswer> swapTaakstelling(@PathVariable @Pattern(regexp = HousingRequests.PERIOD) String period,
                                                       @Valid @RequestBody SwapRequest request) {
        String from = current(request.fromGemeente());
        String to = current(request.toGemeente());
        SwapOutcome outcome = commands.sendAndWait(new SwapTaakstelling(period, from, to, request.persons(),
                request.compensation(), dated(request.occurredOn()), Acting.who()));
        return ResponseEntity.accepted().location(URI.create("/periods/" + period + "/municipalities/" + from))
                .body(new SwapAnswer(outcome.swapId(), outcome.inEffect() ? SwapStatus.AGREED : SwapStatus.PROPOSED));
    }

    @PostMapping("/periods/{period}/municipalities/{gmCode}/swap-agreements")
    @PreAuthorize("@acting.as('gemeente', #gmCode)")
    @Operation(summary = "The receiving municipality agrees to a swap proposed to it (III.5); the swap then takes effect",
            description = "Only the municipality the swap was proposed to may agree, by the swapId its proposal answered"
                    + " (also listed under swapsAwaitingAgreement of the giving municipality). The giver must still have"
                    + " the persons left to house, else 422 naming persons.")
    public ResponseEntity<SwapAnswer> agreeToSwap(@PathVariable @Pattern(regexp = HousingRequests.PERIOD) String period,
                                                  @PathVariable @Pattern(regexp = HousingRequests.GM_CODE) String gmCode,
                                                  @Valid @RequestBody SwapAgreementRequest request) {
        String[] id = request.swapId().split(":");
        if (!id[0].equals(period)) {
            throw new RuleViolation("swapId", request.swapId() + " is a swap of " + id[0] + ", not of " + period);
        }
        commands.sendAndWait(new AgreeToSwap(id[1], request.swapId(), current(gmCode), dated(request.occurredOn())));
        return ResponseEntity.accepted().location(URI.create("/periods/" + period + "/municipalities/" + id[1]))
                .body(new SwapAnswer(request.swapId(), SwapStatus.AGREED));
    }

    @PostMapping("/periods/{period}/municipalities/{gmCode}/prt-agreements")
    @PreAuthorize("@acting.as('provincie', T(nl.doorstroom.housing.domain.Gemeenten).provincieOf(#gmCode))")
    @Operation(summary = "The province's regietafel (PRT) records a municipality's plan agreed for a period (III.12.5) or"
            + " that it held the municipality to its share (III.6)", description = "Only the PRT of the municipality's"
            + " own province (a provincie-PVxx client); the municipality needs its taakstelling for the period first."
            + " The entries show under prt in the municipality's figures.")
    public ResponseEntity<Void> recordPrtAgreement(@PathVariable @Pattern(regexp = HousingRequests.PERIOD) String period,
                                                   @PathVariable @Pattern(regexp = HousingRequests.GM_CODE) String gmCode,
                                                   @Valid @RequestBody PrtAgreementRequest request) {
        String gemeente = current(gmCode);
        commands.sendAndWait(new RecordPrtAgreement(gemeente, period, Gemeenten.provincieOf(gemeente), request.subject(),
                request.note().strip(), dated(request.occurredOn())));
        return ResponseEntity.accepted().location(URI.create("/periods/" + period + "/municipalities/" + gemeente)).build();
    }

    @PostMapping("/municipalities/{gmCode}/housings")
    @PreAuthorize("@acting.as('gemeente', #gmCode)")
    @Operation(summary = "A municipality reports persons housed, with the housing form (III.12.5)")
    public ResponseEntity<Void> recordHousing(@PathVariable @Pattern(regexp = HousingRequests.GM_CODE) String gmCode,
                                              @Valid @RequestBody HousingRequest request) {
        String gemeente = Gemeenten.find(gmCode).map(Gemeente::code).orElse(gmCode);
        LocalDate on = dated(request.occurredOn());
        String period = request.period() != null ? request.period() : Period.containing(on).toString();
        commands.sendAndWait(new RecordHousing(gemeente, period, request.persons(), request.housingForm(), null, on));
        return ResponseEntity.accepted().location(URI.create("/periods/" + period + "/municipalities/" + gemeente)).build();
    }

    @PostMapping("/municipalities/{gmCode}/flexwoningen")
    @PreAuthorize("@acting.as('gemeente', #gmCode) or @acting.rijk()")
    @Operation(summary = "A municipality reports flex homes made available (II.2), possibly centrally procured units (II.5)")
    public ResponseEntity<Void> recordFlexHomes(@PathVariable @Pattern(regexp = HousingRequests.GM_CODE) String gmCode,
                                                @Valid @RequestBody FlexHomesRequest request) {
        String gemeente = Gemeenten.find(gmCode).map(Gemeente::code).orElse(gmCode);
        commands.sendAndWait(new RecordFlexHomes(gemeente, request.homes(), request.centrallyProcured(), dated(request.occurredOn())));
        return ResponseEntity.accepted().location(URI.create("/flexwoningen")).build();
    }

    @GetMapping("/periods/{period}/municipalities/{gmCode}")
    @Operation(summary = "A municipality's taakstelling, backlog, corrected taakstelling, housed, remaining and pace;"
            + " as recorded by knownAt (an instant) and/or as valid on validAt (a date)")
    public MunicipalityFigures municipality(@PathVariable @Pattern(regexp = HousingRequests.PERIOD) String period,
                                            @PathVariable @Pattern(regexp = HousingRequests.GM_CODE) String gmCode,
                                            @RequestParam(required = false) Instant knownAt,
                                            @RequestParam(required = false) LocalDate validAt) {
        return queries.municipality(period, gmCode, knownAt, validAt);
    }

    @PostMapping("/municipalities/{gmCode}/housings/corrections")
    @PreAuthorize("@acting.as('gemeente', #gmCode)")
    @Operation(summary = "A municipality corrects the persons it reported housed in a period for one housing form;"
            + " a new event that supersedes the earlier count")
    public ResponseEntity<Void> correctHousing(@PathVariable @Pattern(regexp = HousingRequests.GM_CODE) String gmCode,
                                               @Valid @RequestBody HousingCorrectionRequest request) {
        String gemeente = current(gmCode);
        LocalDate on = request.occurredOn() != null ? request.occurredOn() : Period.parse(request.period()).lastDay();
        commands.sendAndWait(new CorrectHousing(gemeente, request.period(), request.housingForm(), request.persons(),
                request.reason(), on));
        return ResponseEntity.accepted().location(URI.create("/periods/" + request.period() + "/municipalities/" + gemeente)).build();
    }

    @GetMapping("/periods/{period}/provinces/{pvCode}")
    @Operation(summary = "A province's figures: the sum of its municipalities' (the PRT's view)")
    public ProvinceFigures province(@PathVariable @Pattern(regexp = HousingRequests.PERIOD) String period,
                                    @PathVariable @Pattern(regexp = HousingRequests.PV_CODE) String pvCode) {
        return queries.province(period, pvCode);
    }

    @GetMapping("/periods/{period}/national")
    @Operation(summary = "The national figures, the sum of the provinces'; for 2022-H2 against 15,300 and 20,000 (III.12.4)")
    public NationalFigures national(@PathVariable @Pattern(regexp = HousingRequests.PERIOD) String period) {
        return queries.national(period);
    }

    @GetMapping("/waiting")
    @Operation(summary = "Vergunninghouders waiting in reception: permits granted minus status holders linked to a municipality")
    public Waiting waiting() {
        return queries.waiting();
    }

    @GetMapping("/flexwoningen")
    @Operation(summary = "Flex homes realised against 37,500 by the end of 2024 (II.2) and centrally procured units against 2,000 (II.5)")
    public FlexHomes flexHomes() {
        return queries.flexHomes();
    }

    private static String current(String gmCode) {
        return Gemeenten.find(gmCode).map(Gemeente::code).orElse(gmCode);
    }

    private LocalDate dated(LocalDate occurredOn) {
        return occurredOn != null ? occurredOn : LocalDate.now(clock);
    }
}
