package nl.doorstroom.platform.projection;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;

/**
 * Gives every event processor's batch its {@link FoldBatch}: the first event of a batch opens it in the batch's unit
 * of work, and the batch's commit writes it. A retry of parked events runs outside a batch and folds at once.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class FoldBatches {

    @Bean
    ConfigurerModule foldBatchPerProcessorBatch(EntityManagerProvider entityManagers) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processor) -> new Opener(processor, configuration, entityManagers));
    }

    private record Opener(String processor, Configuration configuration, EntityManagerProvider entityManagers)
            implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            UnitOfWork<?> root = unitOfWork.root();
            if (root instanceof BatchingUnitOfWork<?> && !root.resources().containsKey(FoldBatch.RESOURCE)) {
                var processing = configuration.eventProcessingConfiguration();
                FoldBatch batch = new FoldBatch(processor, entityManagers.getEntityManager(),
                        processing.sequencingPolicy(processor), processing.deadLetterQueue(processor));
                root.resources().put(FoldBatch.RESOURCE, batch);
                root.onPrepareCommit(u -> batch.write());
            }
            return chain.proceed();
        }
    }
}
