package nl.doorstroom.capacity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import nl.doorstroom.capacity.domain.CapacityCommands.ChangeCnoCapacity;
import nl.doorstroom.capacity.domain.CapacityCommands.CloseCnoLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.HandOverCnoLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.OpenCnoLocation;
import nl.doorstroom.capacity.domain.CapacityCommands.PledgeCnoPlaces;
import nl.doorstroom.capacity.domain.CapacityCommands.ReportCnoOccupancy;
import nl.doorstroom.capacity.projection.CapacityQueries;
import nl.doorstroom.capacity.projection.CapacityQueries.NationalCapacity;
import nl.doorstroom.capacity.projection.CapacityQueries.RegionCapacity;
import nl.doorstroom.capacity.projection.LocationState;
import nl.doorstroom.capacity.web.CapacityRequests.CapacityRequest;
import nl.doorstroom.capacity.web.CapacityRequests.ClosureRequest;
import nl.doorstroom.capacity.web.CapacityRequests.HandOverRequest;
import nl.doorstroom.capacity.web.CapacityRequests.OccupancyRequest;
import nl.doorstroom.capacity.web.CapacityRequests.OpenCnoLocationRequest;
import nl.doorstroom.capacity.web.CapacityRequests.PledgeRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import nl.doorstroom.platform.openapi.Created;
import org.springframework.format.annotation.DateTimeFormat;
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
import java.util.List;
import java.util.UUID;

/**
 * Commands go in as POSTs and are accepted once recorded as events (202); the read models follow within
 * moments. Queries answer from the read models; some also as known or valid at a point in time, from the events.
 */
@RestController
@Validated
@Tag(name = "capacity", description = "CNO places per veiligheidsregio, COA places against 51,000")
public class CapacityController {

    private final CommandGateway commands;
    private final CapacityQueries queries;
    private final Clock clock;

    public CapacityController(CommandGateway commands, CapacityQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping("/regions/{veiligheidsregio}/pledges")
    @PreAuthorize("@acting.as('veiligheidsregio', #veiligheidsregio)")
    @Operation(summary = "A veiligheidsregio pledges a tranche of CNO places (III.1)")
    public ResponseEntity<Void> pledge(@PathVariable @Pattern(regexp = CapacityRequests.VR_CODE) String veiligheidsregio,
                                       @Valid @RequestBody PledgeRequest request) {
        commands.sendAndWait(new PledgeCnoPlaces(veiligheidsregio, request.tranche(), request.places(), dated(request.occurredOn())));
        return ResponseEntity.accepted().location(URI.create("/regions/" + veiligheidsregio)).build();
    }

    @PostMapping("/cno-locations")
    @PreAuthorize("@acting.as('veiligheidsregio', #request.veiligheidsregio())")
    @Operation(summary = "A veiligheidsregio opens a CNO location")
    @Created("the CNO location")
    public ResponseEntity<Void> open(@Valid @RequestBody OpenCnoLocationRequest request) {
        String id = request.locationId() != null ? request.locationId() : "CNO-" + UUID.randomUUID();
        commands.sendAndWait(new OpenCnoLocation(id, request.veiligheidsregio(), request.name(), request.gemeente(),
                request.places(), request.belowNormalStandard(), dated(request.occurredOn())));
        return ResponseEntity.created(URI.create("/locations/" + id)).build();
    }

    @PostMapping("/cno-locations/{locationId}/capacity")
    @PreAuthorize("@acting.as('veiligheidsregio', @cnoLocationRegions.of(#locationId))")
    @Operation(summary = "The number of places of a CNO location changes")
    public ResponseEntity<Void> capacity(@PathVariable @Pattern(regexp = CapacityRequests.LOCATION_ID) String locationId,
                                         @Valid @RequestBody CapacityRequest request) {
        commands.sendAndWait(new ChangeCnoCapacity(locationId, request.places(), dated(request.occurredOn())));
        return accepted(locationId);
    }

    @PostMapping("/cno-locations/{locationId}/occupancy")
    @PreAuthorize("@acting.as('veiligheidsregio', @cnoLocationRegions.of(#locationId))")
    @Operation(summary = "The occupancy of a CNO location on a date")
    public ResponseEntity<Void> occupancy(@PathVariable @Pattern(regexp = CapacityRequests.LOCATION_ID) String locationId,
                                          @Valid @RequestBody OccupancyRequest request) {
        commands.sendAndWait(new ReportCnoOccupancy(locationId, request.occupied(), dated(request.occurredOn())));
        return accepted(locationId);
    }

    @PostMapping("/cno-locations/{locationId}/closure")
    @PreAuthorize("@acting.as('veiligheidsregio', @cnoLocationRegions.of(#locationId))")
    @Operation(summary = "A CNO location closes (CNO wind-down, III.2.4)")
    public ResponseEntity<Void> close(@PathVariable @Pattern(regexp = CapacityRequests.LOCATION_ID) String locationId,
                                      @Valid @RequestBody ClosureRequest request) {
        commands.sendAndWait(new CloseCnoLocation(locationId, dated(request.occurredOn())));
        return accepted(locationId);
    }

    @PostMapping("/cno-locations/{locationId}/handover")
    @PreAuthorize("@acting.as('veiligheidsregio', @cnoLocationRegions.of(#locationId))")
    @Operation(summary = "A CNO location is handed over to COA or a municipality (III.2.4)")
    public ResponseEntity<Void> handOver(@PathVariable @Pattern(regexp = CapacityRequests.LOCATION_ID) String locationId,
                                         @Valid @RequestBody HandOverRequest request) {
        commands.sendAndWait(new HandOverCnoLocation(locationId, request.to(), request.recipient(), dated(request.occurredOn())));
        return accepted(locationId);
    }

    @GetMapping("/regions")
    @Operation(summary = "Every veiligheidsregio: CNO places pledged, realised, occupied, share of pledge")
    public List<RegionCapacity> regions() {
        return queries.regions();
    }

    @GetMapping("/regions/{veiligheidsregio}")
    @Operation(summary = "One veiligheidsregio's CNO figures; as recorded by knownAt (an instant) and/or as valid on"
            + " validAt (a date)")
    public RegionCapacity region(@PathVariable @Pattern(regexp = CapacityRequests.VR_CODE) String veiligheidsregio,
                                 @RequestParam(required = false) Instant knownAt,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt) {
        return queries.region(veiligheidsregio, knownAt, validAt);
    }

    @GetMapping("/national")
    @Operation(summary = "COA places against the 51,000 needed at the end of 2022, per target group; CNO totals;"
            + " as recorded by knownAt (an instant) and/or as valid on validAt (a date)")
    public NationalCapacity national(@RequestParam(required = false) Instant knownAt,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validAt) {
        return queries.national(knownAt, validAt);
    }

    @GetMapping("/locations/{locationId}")
    @Operation(summary = "One CNO or COA location")
    public LocationState location(@PathVariable @Pattern(regexp = CapacityRequests.LOCATION_ID) String locationId) {
        return queries.location(locationId);
    }

    private LocalDate dated(LocalDate occurredOn) {
        return occurredOn != null ? occurredOn : LocalDate.now(clock);
    }

    private static ResponseEntity<Void> accepted(String locationId) {
        return ResponseEntity.accepted().location(URI.create("/locations/" + locationId)).build();
    }
}
