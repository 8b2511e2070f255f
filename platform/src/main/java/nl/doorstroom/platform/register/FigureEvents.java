package nl.doorstroom.platform.register;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The events that moved a measured figure: how many there were, and the latest {@value #KEPT}, newest first. A
 * projection keeps one per stored row, in the row's fold state, adding an event when the row's part of the figure
 * differs after it; the figure's own is the {@link #merge} of its rows'. Because every row keeps its own latest
 * {@value #KEPT}, the merge's latest are exactly the latest of all. Null means not known: a row stored before rows
 * kept their events, until the projection is rebuilt, or a state folded without the events' references.
 */
public record FigureEvents(long count, List<EventRef> latest) {

    public static final int KEPT = 5;

    public static final FigureEvents NONE = new FigureEvents(0, List.of());

    /** Newest first by recorded time; for events recorded at the same moment, by aggregate and sequence. */
    static final Comparator<EventRef> NEWEST_FIRST = Comparator
            .comparing(EventRef::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(EventRef::aggregateIdentifier, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(EventRef::sequenceNumber, Comparator.nullsFirst(Comparator.naturalOrder()))
            .reversed();

    public FigureEvents {
        latest = latest == null ? List.of() : List.copyOf(latest);
    }

    /** These events and then {@code event}, which moved the figure. */
    public FigureEvents with(EventRef event) {
        List<EventRef> next = new ArrayList<>(KEPT);
        next.add(Objects.requireNonNull(event, "the event that moved the figure"));
        latest.stream().limit(KEPT - 1).forEach(next::add);
        return new FigureEvents(count + 1, next);
    }

    /**
     * A row's events after {@code event}: {@code kept} (NONE for a new row), and the event too when it {@code moved}
     * the row's part of the figure. Not known stays not known.
     */
    public static FigureEvents after(FigureEvents kept, boolean moved, EventRef event) {
        return kept == null || !moved ? kept : kept.with(event);
    }

    /** The events of a figure that adds up from parts (rows), from those of its parts; not known if one part's is not. */
    public static FigureEvents merge(Collection<FigureEvents> parts) {
        long count = 0;
        List<EventRef> all = new ArrayList<>();
        for (FigureEvents part : parts) {
            if (part == null) {
                return null;
            }
            count += part.count();
            all.addAll(part.latest());
        }
        return new FigureEvents(count, all.stream().sorted(NEWEST_FIRST).limit(KEPT).toList());
    }
}
