package nl.doorstroom.platform.projection;

import org.springframework.data.repository.CrudRepository;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What every projection handler does: load the stored state, apply the pure fold, store the result. The fold is
 * the same function the point-in-time answer and a rebuild use, so the stored row never holds anything else.
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
