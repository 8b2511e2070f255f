package nl.doorstroom.gateway;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.requestSize;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.CircuitBreakerFilterFunctions.circuitBreaker;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

/**
 * {@code /api/capacity/regions} goes to capacity-service's {@code /regions}, and so on for every service, through a
 * circuit breaker per service. A service that does not answer within the configured time-outs, or whose circuit is
 * open, gives a 503 problem naming it, never a hang.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(ServiceDirectory services, LoadBalancerClient loadBalancer) {
        RouterFunction<ServerResponse> routes = null;
        for (ServiceDirectory.Service service : services.all()) {
            RouterFunction<ServerResponse> route = route(service.name())
                    .route(path("/api/" + service.route() + "/**"), balanced(service, loadBalancer, http()))
                    .before(requestSize(services.maxRequestSize()))
                    .before(stripPrefix(2))
                    .after(locationUnder("/api/" + service.route()))
                    // around the circuit breaker, not inside it as onError would be: an open circuit is thrown by
                    // the breaker itself
                    .filter((request, next) -> {
                        try {
                            return next.handle(request);
                        } catch (Exception e) {
                            if (unreachable(e)) {
                                return unavailable(service);
                            }
                            throw e;
                        }
                    })
                    .filter(circuitBreaker(service.name()))
                    .build();
            routes = routes == null ? route : routes.and(route);
        }
        return routes;
    }

    /**
     * Sends the request to an instance the load balancer chooses (round robin over the configured ones). A refused
     * connection (an instance stopped or killed) never reached that instance, so the request goes to the next choice,
     * whatever its method; anything else, a time-out included, is not sent again, as it may have been applied.
     * (Spring Cloud Gateway's own lb and retry filters do not combine so: its retry matches the exception itself, not
     * the refusal inside the client's {@link ResourceAccessException}.)
     */
    static HandlerFunction<ServerResponse> balanced(ServiceDirectory.Service service, LoadBalancerClient loadBalancer,
                                                   HandlerFunction<ServerResponse> proxy) {
        // the proxy itself, inside the route's error handling (which turns any failure into a 503 response)
        return request -> {
            for (int attempt = 1; ; attempt++) {
                ServiceInstance instance = loadBalancer.choose(service.name());
                if (instance == null) {
                    return unavailable(service);
                }
                MvcUtils.setRequestUrl(request, instance.getUri());
                try {
                    return proxy.handle(request);
                } catch (RuntimeException e) {
                    if (attempt >= service.instances().size() || !refused(e)) {
                        throw e;
                    }
                }
            }
        };
    }

    private static boolean refused(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A service names what to read next by its own path ({@code /locations/CNO-1}); through the gateway that is
     * {@code /api/capacity/locations/CNO-1}. Absolute locations are left as they are.
     */
    static BiFunction<ServerRequest, ServerResponse, ServerResponse> locationUnder(String prefix) {
        return (request, response) -> {
            String location = response.headers().getFirst(HttpHeaders.LOCATION);
            if (location != null && location.startsWith("/") && !location.startsWith("//") && !location.startsWith(prefix + "/")) {
                response.headers().set(HttpHeaders.LOCATION, prefix + location);
            }
            return response;
        };
    }

    /**
     * One circuit breaker per service: a service that keeps failing is answered for at once, until it recovers. It has
     * no time limiter (gateway.yml): the proxy's client times out by itself (ProxyClient), and a time limiter runs
     * every call on a thread of its own while the request's thread waits for it.
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> circuitBreakers() {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom().slidingWindowSize(20).minimumNumberOfCalls(5)
                        .failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(10)).build())
                .build());
    }

    /** Connection refused, a time-out, or the circuit open: the service does not answer. */
    static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ResourceAccessException || t instanceof CallNotPermittedException || t instanceof TimeoutException
                    || t instanceof ResponseStatusException r && r.getStatusCode().is5xxServerError()) {
                return true;
            }
        }
        return false;
    }

    static ServerResponse unavailable(ServiceDirectory.Service service) {
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(unavailableProblem(service));
    }

    static ProblemDetail unavailableProblem(ServiceDirectory.Service service) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                service.name() + "-service does not answer; try again later.");
        problem.setTitle("Service unavailable");
        problem.setProperty("service", service.name());
        return problem;
    }
}
