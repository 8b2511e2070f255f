package nl.doorstroom.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

/** {@code /api/capacity/regions} goes to capacity-service's {@code /regions}, and so on for every service. */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

    @Bean
    RouterFunction<ServerResponse> capacityRoute(@Value("${doorstroom.gateway.capacity-url}") String url) {
        return forward("capacity", "/api/capacity/**", url);
    }

    @Bean
    RouterFunction<ServerResponse> housingRoute(@Value("${doorstroom.gateway.housing-url}") String url) {
        return forward("housing", "/api/housing/**", url);
    }

    @Bean
    RouterFunction<ServerResponse> financeRoute(@Value("${doorstroom.gateway.finance-url}") String url) {
        return forward("finance", "/api/finance/**", url);
    }

    @Bean
    RouterFunction<ServerResponse> deadlineRoute(@Value("${doorstroom.gateway.deadline-url}") String url) {
        return forward("deadline", "/api/deadlines/**", url);
    }

    private static RouterFunction<ServerResponse> forward(String id, String pattern, String url) {
        return route(id).route(path(pattern), http()).before(uri(url)).before(stripPrefix(2)).build();
    }
}
