package nl.doorstroom.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * One resilience4j rate limiter per client (the token's subject, or the address of a caller without one): a client
 * over its limit gets 429 with Retry-After, and the others are not slowed down by it.
 */
public class ClientRateLimit extends OncePerRequestFilter {

    private final RateLimiterRegistry limiters;
    private final Duration period;
    private final ObjectMapper json;

    public ClientRateLimit(int requestsPerPeriod, Duration period, ObjectMapper json) {
        this.period = period;
        this.json = json;
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(requestsPerPeriod).limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter limiter = limiters.rateLimiter(client(request));
        if (!limiter.acquirePermission()) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, period.toSeconds())));
            GatewaySecurity.problem(response, json, HttpStatus.TOO_MANY_REQUESTS,
                    "More than " + limiter.getRateLimiterConfig().getLimitForPeriod() + " requests per "
                            + period.toSeconds() + " s from this client; try again after Retry-After seconds.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String client(HttpServletRequest request) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null && caller.isAuthenticated() ? "client:" + caller.getName() : "address:" + request.getRemoteAddr();
    }
}
