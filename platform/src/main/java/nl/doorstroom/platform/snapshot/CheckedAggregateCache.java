package nl.doorstroom.platform.snapshot;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Aggregates kept in memory between commands, each with the sequence number of its last event, and handed out only
 * while that is still the last sequence number in the event store. So an aggregate another instance has changed since
 * is read again from its snapshot and events, and a command never decides on state that is not the latest stored one;
 * a change that commits between this check and the append still fails on the store's unique sequence number, as it
 * would without the cache. The check is one indexed lookup, where loading a long-lived aggregate reads a snapshot and
 * up to {@code doorstroom.snapshots.threshold} events and folds them.
 * <p>
 * Axon's caching repository puts an aggregate here after its command's events are staged (while the unit of work still
 * holds them, so the store reports their last sequence number without a query) and removes it when the unit of work
 * rolls back. A command can also run inside a transaction of its caller (an inbound poll applied in one transaction):
 * its unit of work has ended when that transaction rolls back, so the aggregate is also removed then. At most
 * {@code maximumSize} aggregates, the least recently used leave first.
 */
public final class CheckedAggregateCache implements Cache {

    private record Cached(Object entry, Long lastSequenceNumber) {
    }

    private final ConcurrentMap<Object, Cached> aggregates;
    private final Supplier<EventStore> eventStore;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public CheckedAggregateCache(long maximumSize, Supplier<EventStore> eventStore) {
        this.aggregates = Caffeine.newBuilder().maximumSize(maximumSize).<Object, Cached>build().asMap();
        this.eventStore = eventStore;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Cached cached = aggregates.get(key);
        if (cached == null) {
            return null;
        }
        if (!Objects.equals(cached.lastSequenceNumber(), lastSequenceNumber(key))) {
            remove(key);
            return null;
        }
        listeners.forEach(listener -> listener.onEntryRead(key, cached.entry()));
        return (V) cached.entry();
    }

    @Override
    public void put(Object key, Object value) {
        Cached cached = new Cached(value, lastSequenceNumber(key));
        Cached previous = aggregates.put(key, cached);
        forgetUnlessCommitted(key, cached);
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Cached cached = new Cached(value, lastSequenceNumber(key));
        boolean added = aggregates.putIfAbsent(key, cached) == null;
        if (added) {
            forgetUnlessCommitted(key, cached);
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = aggregates.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        aggregates.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return aggregates.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * The state after events that a rollback of the surrounding transaction takes back. Were it kept, another writer
     * could append an event with the same sequence number, and the check in {@link #get} would pass on the wrong state.
     */
    private void forgetUnlessCommitted(Object key, Cached cached) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED && aggregates.remove(key, cached)) {
                        listeners.forEach(listener -> listener.onEntryRemoved(key));
                    }
                }
            });
        }
    }

    private Long lastSequenceNumber(Object key) {
        return eventStore.get().lastSequenceNumberFor(key.toString()).orElse(null);
    }
}
