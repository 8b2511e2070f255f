package nl.doorstroom.platform.tracing;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Carries the current {@code traceparent} into the metadata of every command dispatched while handling a request
 * or an inbound message; Axon then copies it onto every event the command causes.
 */
@Configuration(proxyBeanMethods = false)
public class TraceparentPropagation {

    @Bean
    CorrelationDataProvider traceparentCorrelation() {
        return new SimpleCorrelationDataProvider(Traceparent.METADATA_KEY);
    }

    @Bean
    Registration traceparentOnCommands(CommandBus commandBus) {
        MessageDispatchInterceptor<CommandMessage<?>> interceptor = new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.getMetaData().containsKey(Traceparent.METADATA_KEY)
                        ? command
                        : Traceparent.current()
                                .<CommandMessage<?>>map(tp -> command.andMetaData(Map.of(Traceparent.METADATA_KEY, tp)))
                                .orElse(command);
            }
        };
        return commandBus.registerDispatchInterceptor(interceptor);
    }
}
