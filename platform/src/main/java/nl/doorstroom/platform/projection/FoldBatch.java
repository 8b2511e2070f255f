package nl.doorstroom.platform.projection;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.Session;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ResolvableType;
import org.springframework.data.repository.CrudRepository;
import org.springframework.util.ClassUtils;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The folds of one event processor's batch, applied together when the batch commits: one read per store for every row
 * the batch touches, the pure folds in event order in memory, then the changed rows written in the batch's
 * transaction (the same one that moves the processor's token).
 * <p>
 * Nothing stored can stop the processor. An event whose fold throws, or whose row the database refuses (a value it
 * cannot store, too long, a constraint), is parked in the processor's dead-letter queue with its cause, and so are
 * the later events of its sequence (its aggregate) in the batch, as Axon parks a handler's failures; the batch is then
 * folded again without them, so no row holds half of a parked event. Only transient faults (a lost connection, a
 * serialization failure, a deadlock) fail the batch, which the processor then retries.
 */
final class FoldBatch {

    static final String RESOURCE = FoldBatch.class.getName();
    private static final Logger log = LoggerFactory.getLogger(FoldBatch.class);
    private static final int MAX_PASSES = 100;
    private static final int WRITE_BATCH = 100;
    private static final Map<Class<?>, Class<?>> ENTITY_TYPES = new ConcurrentHashMap<>();

    private final String processor;
    private final EntityManager entityManager;
    private final SequencingPolicy<? super EventMessage<?>> sequencing;
    private final Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetters;
    private final List<Op> ops = new ArrayList<>();

    FoldBatch(String processor, EntityManager entityManager, SequencingPolicy<? super EventMessage<?>> sequencing,
              Optional<SequencedDeadLetterQueue<EventMessage<?>>> deadLetters) {
        this.processor = processor;
        this.entityManager = entityManager;
        this.sequencing = sequencing;
        this.deadLetters = deadLetters;
    }

    /** The batch of the processor's unit of work on this thread, or null outside one. */
    static FoldBatch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getResource(RESOURCE);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    <S, R extends FoldedRecord<S>> void defer(CrudRepository<R, String> store, String id, Object event,
                                              BiFunction<S, Object, S> evolve, Function<S, R> create) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        EventMessage<?> message = (EventMessage<?>) unitOfWork.getMessage();
        int firstOfMessage = ops.size();
        while (firstOfMessage > 0 && ops.get(firstOfMessage - 1).message == message) {
            firstOfMessage--;
        }
        ops.add(new Op(ops.size(), firstOfMessage, (CrudRepository) store, id, event, message, sequenceOf(message),
                (BiFunction) evolve, (Function) create));
    }

    /** Folds and writes the batch; runs when the unit of work prepares to commit. */
    void write() {
        if (ops.isEmpty()) {
            return;
        }
        Map<CrudRepository<FoldedRecord<Object>, String>, Map<String, Loaded>> loaded = load();
        Map<Object, Parked> parked = new LinkedHashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            behindParked(connection).forEach((sequence, parkedFrom) -> firstBehind(sequence, parkedFrom)
                    .ifPresent(from -> park(parked, sequence, from, null)));
            SharedSessionContractImplementor session = entityManager.unwrap(SharedSessionContractImplementor.class);
            Savepoint start = connection.setSavepoint();
            for (int pass = 1; ; pass++) {
                List<Row> changed = fold(loaded, parked);
                Map<Row, RuntimeException> refused = writeAll(session, connection, sortedForWriting(changed), start);
                if (refused.isEmpty()) {
                    break;
                }
                refused.forEach((row, cause) -> row.contributors.forEach(op -> park(parked, op.sequence, op.firstOfMessage, cause)));
                connection.rollback(start);
                if (pass == MAX_PASSES) {
                    throw new IllegalStateException("batch of " + processor + " still refused after " + pass + " passes");
                }
            }
            connection.releaseSavepoint(start);
        });
        if (!parked.isEmpty()) {
            enqueue(parked);
        }
    }

    /**
     * The stored rows of these ids (null for one not stored yet), in one statement. Spring Data's findAllById built a
     * criteria query for each call, which Hibernate translated to SQL again each time: 45 % of housing-projection's CPU
     * for a batch of one event (issue 13, JFR). Hibernate's multi-load reads by an array of ids with SQL it builds once.
     */
    private List<FoldedRecord<Object>> findAll(CrudRepository<FoldedRecord<Object>, String> store, Set<String> ids) {
        Class<?> type = ENTITY_TYPES.computeIfAbsent(store.getClass(), FoldBatch::entityType);
        @SuppressWarnings("unchecked")
        List<FoldedRecord<Object>> rows = (List<FoldedRecord<Object>>) entityManager.unwrap(Session.class)
                .byMultipleIds(type).multiLoad(new ArrayList<>(ids));
        return rows;
    }

    /** The entity a repository stores: the first type argument of the CrudRepository its interface extends. */
    private static Class<?> entityType(Class<?> repository) {
        for (Class<?> contract : ClassUtils.getAllInterfacesForClassAsSet(repository)) {
            if (CrudRepository.class.isAssignableFrom(contract) && contract != CrudRepository.class) {
                Class<?> type = ResolvableType.forClass(contract).as(CrudRepository.class).getGeneric(0).resolve();
                if (type != null) {
                    return type;
                }
            }
        }
        throw new IllegalStateException("no entity type for the repository " + repository.getName());
    }

    /**
     * Sequences of this batch with events parked already, each with the aggregate sequence number of its first parked
     * event. The processor's own check skips what its cache knows to be absent; this one query per batch keeps the
     * order either way.
     */
    private Map<Object, Long> behindParked(Connection connection) throws SQLException {
        if (deadLetters.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> sequences = new LinkedHashMap<>();
        ops.forEach(op -> sequences.putIfAbsent(String.valueOf(op.sequence), op.sequence));
        Map<Object, Long> parked = new LinkedHashMap<>();
        try (var query = connection.prepareStatement("""
                select sequence_identifier, min(sequence_number) from dead_letter_entry
                where processing_group = ? and sequence_identifier = any (?) group by sequence_identifier""")) {
            query.setString(1, processor);
            query.setArray(2, connection.createArrayOf("varchar", sequences.keySet().toArray()));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    long first = rows.getLong(2);
                    parked.put(sequences.get(rows.getString(1)), rows.wasNull() ? Long.MIN_VALUE : first);
                }
            }
        }
        return parked;
    }

    /** The first op of the sequence that comes after its parked event (one parked earlier in this batch sees it too). */
    private Optional<Integer> firstBehind(Object sequence, long parkedFrom) {
        return ops.stream()
                .filter(op -> op.sequence.equals(sequence))
                .filter(op -> !(op.message instanceof DomainEventMessage<?> domain) || domain.getSequenceNumber() > parkedFrom)
                .map(Op::firstOfMessage)
                .findFirst();
    }

    /** The stored rows of every id the batch touches, one query per store; detached, so only {@link #write} writes. */
    private Map<CrudRepository<FoldedRecord<Object>, String>, Map<String, Loaded>> load() {
        Map<CrudRepository<FoldedRecord<Object>, String>, Set<String>> ids = new IdentityHashMap<>();
        for (Op op : ops) {
            ids.computeIfAbsent(op.store, s -> new LinkedHashSet<>()).add(op.id);
        }
        Map<CrudRepository<FoldedRecord<Object>, String>, Map<String, Loaded>> loaded = new IdentityHashMap<>();
        ids.forEach((store, storeIds) -> {
            Map<String, Loaded> rows = new HashMap<>();
            for (FoldedRecord<Object> record : findAll(store, storeIds)) {
                if (record == null) {
                    continue; // not stored yet
                }
                entityManager.detach(record);
                String id = String.valueOf(entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(record));
                rows.put(id, new Loaded(record, record.state()));
            }
            loaded.put(store, rows);
        });
        return loaded;
    }

    /** One pass over the batch in event order, leaving out parked sequences from their first parked event on. */
    private List<Row> fold(Map<CrudRepository<FoldedRecord<Object>, String>, Map<String, Loaded>> loaded,
                           Map<Object, Parked> parked) {
        restart:
        while (true) {
            Map<CrudRepository<FoldedRecord<Object>, String>, Map<String, Row>> rows = new IdentityHashMap<>();
            List<Row> changed = new ArrayList<>();
            for (Op op : ops) {
                Parked p = parked.get(op.sequence);
                if (p != null && op.order >= p.from) {
                    continue;
                }
                Row row = rows.computeIfAbsent(op.store, s -> new HashMap<>()).computeIfAbsent(op.id, id -> {
                    Loaded stored = loaded.get(op.store).get(id);
                    return new Row(op.store, id, stored == null ? null : stored.record, stored == null ? null : stored.state, op.create);
                });
                Object next;
                try {
                    next = op.evolve.apply(row.state, op.event);
                } catch (RuntimeException e) {
                    boolean partlyApplied = op.firstOfMessage < op.order;
                    park(parked, op.sequence, op.firstOfMessage, e);
                    if (partlyApplied) {
                        continue restart;
                    }
                    continue;
                }
                if (next != null) {
                    if (!row.changed) {
                        row.changed = true;
                        changed.add(row);
                    }
                    row.state = next;
                    row.contributors.add(op);
                }
            }
            return changed;
        }
    }

    /**
     * Writes the changed rows; returns those the database refuses for good, with why. The batch is tried at once;
     * only when it is refused is each row tried alone, to find which.
     */
    private Map<Row, RuntimeException> writeAll(SharedSessionContractImplementor session, Connection connection, List<Row> changed,
                                                Savepoint start) throws SQLException {
        try {
            writeTogether(session, changed, WRITE_BATCH);
            return Map.of();
        } catch (RuntimeException batchRefused) {
            rethrowIfTransient(batchRefused);
            connection.rollback(start);
        }
        Map<Row, RuntimeException> refused = new LinkedHashMap<>();
        for (Row row : changed) {
            Savepoint alone = connection.setSavepoint();
            try {
                writeTogether(session, List.of(row), 1);
                connection.releaseSavepoint(alone);
            } catch (RuntimeException e) {
                rethrowIfTransient(e);
                connection.rollback(alone);
                refused.put(row, e);
            }
        }
        return refused;
    }

    /**
     * Inserts and updates in JDBC batches through the unit of work's own session, bypassing its persistence context
     * (the rows are detached), as a stateless session would. A stateless session opened on the same connection never
     * batched: Hibernate batches only inside a transaction it knows of, so each row was a round trip of its own (issue
     * 13, JFR of the rebuild: every insert through MutationExecutorSingleNonBatched). A refusal surfaces here.
     */
    private static void writeTogether(SharedSessionContractImplementor session, List<Row> rows, int batchSize) {
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        Integer configured = session.getJdbcBatchSize();
        session.setJdbcBatchSize(batchSize);
        try {
            rows.forEach(row -> row.writeWith(session));
            jdbc.executeBatch();
        } catch (RuntimeException e) {
            jdbc.abortBatch();
            throw e;
        } finally {
            session.setJdbcBatchSize(configured);
        }
    }

    /** Inserts before updates, grouped by store and in id order: long JDBC batches, and rows locked in one order. */
    private static List<Row> sortedForWriting(List<Row> changed) {
        Map<Object, Integer> storeOrder = new IdentityHashMap<>();
        changed.forEach(row -> storeOrder.putIfAbsent(row.store, storeOrder.size()));
        List<Row> sorted = new ArrayList<>(changed);
        sorted.sort(Comparator.<Row, Boolean>comparing(row -> row.stored != null)
                .thenComparing(row -> storeOrder.get(row.store))
                .thenComparing(row -> row.id));
        return sorted;
    }

    private static void park(Map<Object, Parked> parked, Object sequence, int from, RuntimeException cause) {
        Parked before = parked.get(sequence);
        if (before == null || from < before.from) {
            parked.put(sequence, new Parked(from, cause));
        }
    }

    private void enqueue(Map<Object, Parked> parked) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = deadLetters.orElseThrow(() -> parked.values().iterator().next().cause);
        // behind an event parked in an earlier batch, the later ones follow it without a cause of their own
        parked.forEach((sequence, p) -> {
            Map<String, EventMessage<?>> messages = new LinkedHashMap<>();
            for (Op op : ops) {
                if (op.order >= p.from && op.sequence.equals(sequence)) {
                    messages.putIfAbsent(op.message.getIdentifier(), op.message);
                }
            }
            boolean first = p.cause != null;
            for (EventMessage<?> message : messages.values()) {
                if (first) {
                    log.warn("{} parks event {} ({}) of {}: {}", processor, message.getIdentifier(),
                            message.getPayloadType().getSimpleName(), sequence, rootMessage(p.cause));
                    queue.enqueue(sequence, new GenericDeadLetter<>(sequence, message, p.cause));
                    first = false;
                } else {
                    queue.enqueue(sequence, new GenericDeadLetter<>(sequence, message));
                }
            }
        });
    }

    private Object sequenceOf(EventMessage<?> message) {
        Object sequence = sequencing.getSequenceIdentifierFor(message);
        return sequence != null ? sequence : message.getIdentifier();
    }

    private static void rethrowIfTransient(RuntimeException e) {
        if (TransientFaults.isTransient(e)) {
            throw e;
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private record Op(int order, int firstOfMessage, CrudRepository<FoldedRecord<Object>, String> store, String id,
                      Object event, EventMessage<?> message, Object sequence, BiFunction<Object, Object, Object> evolve,
                      Function<Object, FoldedRecord<Object>> create) {
    }

    private record Loaded(FoldedRecord<Object> record, Object state) {
    }

    private record Parked(int from, RuntimeException cause) {
    }

    private static final class Row {
        final CrudRepository<FoldedRecord<Object>, String> store;
        final String id;
        final FoldedRecord<Object> stored;
        final Function<Object, FoldedRecord<Object>> create;
        final List<Op> contributors = new ArrayList<>();
        Object state;
        boolean changed;

        Row(CrudRepository<FoldedRecord<Object>, String> store, String id, FoldedRecord<Object> stored, Object state,
            Function<Object, FoldedRecord<Object>> create) {
            this.store = store;
            this.id = id;
            this.stored = stored;
            this.state = state;
            this.create = create;
        }

        void writeWith(SharedSessionContractImplementor session) {
            FoldedRecord<Object> record;
            if (stored == null) {
                record = create.apply(state);
            } else {
                stored.update(state);
                record = stored;
            }
            EntityPersister persister = session.getEntityPersister(null, record);
            Object id = persister.getIdentifier(record, session);
            Object[] values = persister.getValues(record);
            if (stored == null) {
                persister.getInsertCoordinator().insert(record, id, values, session);
            } else {
                persister.getUpdateCoordinator().update(record, id, null, values, null, null, null, false, session);
            }
        }
    }
}
