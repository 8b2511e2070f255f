package nl.doorstroom.platform.instances;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Axon's command gateway, sending a command again when it lost its aggregate to another writer ({@link ConcurrentAppendRetry}). */
@Configuration(proxyBeanMethods = false)
public class CommandRetries {

    @Bean
    CommandGateway commandGateway(CommandBus commandBus,
                                         @Value("${doorstroom.commands.concurrent-append-retries:5}") int retries) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        RetryScheduler interval = IntervalRetryScheduler.builder().retryExecutor(executor).retryInterval(20)
                .maxRetryCount(retries).build();
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new ConcurrentAppendRetry(interval)).build();
    }

}
