package nl.doorstroom.platform.audit;

import nl.doorstroom.platform.security.Acting;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts who asked for a command in its metadata, and from there (by Axon's correlation) in every event it causes:
 * {@code principal}, the token's subject (the client), and {@code party}, the party it acts for when it names one.
 * A commitment's history shows them as the party that caused each event. Commands from Kafka carry neither.
 */
@Configuration(proxyBeanMethods = false)
public class CallerPropagation {

    public static final String PRINCIPAL = "principal";
    public static final String PARTY = "party";

    @Bean
    CorrelationDataProvider callerCorrelation() {
        return new SimpleCorrelationDataProvider(PRINCIPAL, PARTY);
    }

    @Bean
    Registration callerOnCommands(CommandBus commandBus) {
        MessageDispatchInterceptor<CommandMessage<?>> interceptor = new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.getMetaData().containsKey(PRINCIPAL) ? command : command.andMetaData(caller());
            }
        };
        return commandBus.registerDispatchInterceptor(interceptor);
    }

    private static Map<String, String> caller() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        Map<String, String> metaData = new HashMap<>();
        if (caller != null && caller.isAuthenticated() && caller.getName() != null) {
            metaData.put(PRINCIPAL, caller.getName());
            String party = Acting.partyOf(caller);
            if (party != null) {
                metaData.put(PARTY, party);
            }
        }
        return metaData;
    }
}
