package nl.doorstroom.platform.projection;

/** A stored read-model row that holds the result of a pure fold over events. */
public interface FoldedRecord<S> {

    S state();

    void update(S next);
}
