package nl.doorstroom.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.requestSize;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

/**
 * {@code /api/capacity/regions} goes to capacity-service's {@code /regions}, and so on for every service. A service
 * that does not answer within the configured time-outs gives a 503 problem naming it, never a hang.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(ServiceDirectory services) {
        RouterFunction<ServerResponse> routes = null;
        for (ServiceDirectory.Service service : services.all()) {
            RouterFunction<ServerResponse> route = route(service.name())
                    .route(path("/api/" + service.route() + "/**"), http())
                    .before(requestSize(services.maxRequestSize()))
                    .before(uri(service.url()))
                    .before(stripPrefix(2))
                    .onError(ResourceAccessException.class, (error, request) -> unavailable(service))
                    .build();
            routes = routes == null ? route : routes.and(route);
        }
        return routes;
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
