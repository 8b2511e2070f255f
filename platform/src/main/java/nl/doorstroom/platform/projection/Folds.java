package nl.doorstroom.platform.projection;

import org.springframework.data.repository.CrudRepository;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What every projection handler does: load the stored state, apply the pure fold, store the result. The fold is
 * the same function the point-in-time answer and a rebuild use, so the stored row never holds anything else.
 * <p>
 * Inside an event processor's batch the fold is deferred to the end of the batch ({@link FoldBatch}): the rows the
 * batch touches are read in one query per store, folded in memory in event order and written together, and an event
 * that cannot be folded or whose row the database refuses is parked instead of stopping the processor. Outside a
 * batch (a retry of parked events) it is applied at once and failures propagate to the caller.
 */
public final class Folds {

    private Folds() {
    }

    /**
     * @param evolve the fold {@code (state or null, event) -> state}; returning null leaves the store alone
     * @param create a new row for a state seen the first time
     */
    public static <S, R extends FoldedRecord<S>> void fold(CrudRepository<R, String> store, String id, Object event,
                                                           BiFunction<S, Object, S> evolve, Function<S, R> create) {
        FoldBatch batch = FoldBatch.current();
        if (batch != null) {
            batch.defer(store, id, event, evolve, create);
            return;
        }
        R record = store.findById(id).orElse(null);
        S next = evolve.apply(record == null ? null : record.state(), event);
        if (next == null) {
            return;
        }
        if (record == null) {
            store.save(create.apply(next));
        } else {
            record.update(next);
            store.save(record);
        }
    }
}
