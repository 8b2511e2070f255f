package nl.doorstroom.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.doorstroom.contracts.catalogue.CatalogueEntry;
import nl.doorstroom.contracts.catalogue.CommitmentCatalogue;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The whole commitment register, composed from each service's own part. Each commitment is owned by one
 * service (the catalogue says which); the answer is in the agreement's order.
 */
@RestController
@Tag(name = "commitment register", description = "Every commitment of the agreement, each from the service that owns it")
@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
@ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
@ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
public class CommitmentRegisterController {

    private final ServiceDirectory services;
    private final RestClient http;
    private final LoadBalancerClient loadBalancer;
    private final CommitmentCatalogue catalogue = CommitmentCatalogue.load();
    private final Map<String, Integer> agreementOrder;

    public CommitmentRegisterController(ServiceDirectory services, RestClient.Builder builder, LoadBalancerClient loadBalancer,
                                        ClientHttpRequestFactory serviceRequests) {
        this.services = services;
        this.loadBalancer = loadBalancer;
        this.http = builder.requestFactory(serviceRequests).build();
        List<CatalogueEntry> entries = catalogue.commitments();
        this.agreementOrder = IntStream.range(0, entries.size()).boxed()
                .collect(Collectors.toMap(i -> entries.get(i).ref(), Function.identity()));
    }

    /** The caller's bearer token goes on to the services, which check it again. */
    private static void relayToken(org.springframework.http.HttpHeaders headers) {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
            String authorization = attributes.getRequest().getHeader(org.springframework.http.HttpHeaders.AUTHORIZATION);
            if (authorization != null) {
                headers.set(org.springframework.http.HttpHeaders.AUTHORIZATION, authorization);
            }
        }
    }

    /** Thrown when a service the answer needs does not answer. */
    static final class Unavailable extends RuntimeException {
        final ServiceDirectory.Service service;

        Unavailable(ServiceDirectory.Service service, Throwable cause) {
            super(cause);
            this.service = service;
        }
    }

    @GetMapping("/api/commitments")
    @Operation(summary = "Every commitment of the agreement, in its order, as each owning service has it now")
    @ApiResponse(responseCode = "200", description = "The register, filtered as asked",
            content = @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = RegisterShapes.CommitmentView.class))))
    public List<JsonNode> register(@Parameter(description = "only those owed by this party, e.g. VNG") @RequestParam(required = false) String party,
                                   @Parameter(description = "only those of this service, e.g. housing") @RequestParam(required = false) String service,
                                   @Parameter(description = "only those with this status, e.g. MET") @RequestParam(required = false) String status) {
        List<JsonNode> all = new ArrayList<>();
        for (ServiceDirectory.Service s : services.all()) {
            if (service == null || service.equals(s.name())) {
                all.addAll(fetch(s, "/commitments", JsonNode[].class).map(List::of).orElse(List.of()));
            }
        }
        return all.stream()
                .filter(c -> party == null || containsText(c.path("owedBy"), party))
                .filter(c -> status == null || status.equalsIgnoreCase(c.path("status").asText()))
                .sorted(java.util.Comparator.comparing(c -> agreementOrder.getOrDefault(c.path("ref").asText(), Integer.MAX_VALUE)))
                .toList();
    }

    /** One commitment from its owner, as it is now or at a point in time; the owner checks the times and answers. */
    @GetMapping("/api/commitments/{ref}")
    @Operation(summary = "One commitment by its article reference, e.g. III.1, from its owner: as recorded by knownAt"
            + " (an instant) and/or as valid on validAt (a date)")
    @ApiResponse(responseCode = "200", description = "The commitment as its owner answers it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RegisterShapes.CommitmentView.class)))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public ResponseEntity<String> one(@Parameter(example = "III.1") @PathVariable String ref,
                                      @Parameter(schema = @Schema(type = "string", format = "date-time", example = "2023-01-15T00:00:00Z"))
                                      @RequestParam(required = false) String knownAt,
                                      @Parameter(schema = @Schema(type = "string", format = "date", example = "2022-12-31"))
                                      @RequestParam(required = false) String validAt) {
        return relay(ref, "", Map.of("knownAt", Optional.ofNullable(knownAt), "validAt", Optional.ofNullable(validAt)));
    }

    @GetMapping("/api/commitments/{ref}/history")
    @Operation(summary = "The events behind a commitment, from its owner: the date each is about, when it was recorded,"
            + " who caused it, its trace")
    @ApiResponse(responseCode = "200", description = "The commitment's events in the order they were stored",
            content = @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = RegisterShapes.Entry.class))))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    public ResponseEntity<String> history(@Parameter(example = "III.1") @PathVariable String ref) {
        return relay(ref, "/history", Map.of());
    }

    /** The owner's answer as it gave it: its status, its body (a problem naming the field when a time is malformed). */
    private ResponseEntity<String> relay(String ref, String suffix, Map<String, Optional<String>> query) {
        CatalogueEntry entry = catalogue.find(ref)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "the agreement has no article " + ref));
        ServiceDirectory.Service owner = services.named(entry.service());
        return onSomeInstance(owner, base -> {
            UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(base).path("/commitments/{ref}" + suffix);
            query.forEach((name, value) -> value.ifPresent(v -> uri.queryParam(name, "{" + name + "}")));
            Map<String, String> values = new java.util.HashMap<>(Map.of("ref", ref));
            query.forEach((name, value) -> value.ifPresent(v -> values.put(name, v)));
            return http.get().uri(uri.encode().buildAndExpand(values).toUri()).headers(headers -> relayToken(headers))
                    .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                            .contentType(Optional.ofNullable(response.getHeaders().getContentType()).orElse(MediaType.APPLICATION_JSON))
                            .body(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        });
    }

    /**
     * A call on an instance the load balancer chooses; one that cannot be reached (stopped, killed) is passed over for
     * the next, until every instance has been tried.
     */
    private <T> T onSomeInstance(ServiceDirectory.Service service, Function<String, T> call) {
        ResourceAccessException last = null;
        for (int attempt = 0; attempt < service.instances().size(); attempt++) {
            ServiceInstance instance = loadBalancer.choose(service.name());
            if (instance == null) {
                break;
            }
            try {
                return call.apply(instance.getUri().toString());
            } catch (ResourceAccessException e) {
                last = e;
            }
        }
        throw new Unavailable(service, last);
    }

    @ExceptionHandler(Unavailable.class)
    ProblemDetail unavailable(Unavailable e) {
        return GatewayRoutes.unavailableProblem(e.service);
    }

    private <T> Optional<T> fetch(ServiceDirectory.Service service, String path, Class<T> type) {
        return onSomeInstance(service, base -> {
            try {
                return Optional.ofNullable(http.get().uri(base + path).headers(headers -> relayToken(headers)).retrieve().body(type));
            } catch (HttpClientErrorException.NotFound e) {
                return Optional.<T>empty();
            }
        });
    }

    private static boolean containsText(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }
}
