package nl.doorstroom.deadline.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.doorstroom.deadline.domain.DeadlineStatus;
import nl.doorstroom.platform.projection.FoldedRecord;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** The stored {@link DeadlineState} of one deadline, with the columns queries filter and sort by. */
@Entity
@Table(name = "deadline")
public class DeadlineRecord implements FoldedRecord<DeadlineState> {

    @Id
    private String ref;
    private String article;
    @Enumerated(EnumType.STRING)
    private DeadlineStatus status;
    @Column(name = "due_at")
    private Instant dueAt;
    @JdbcTypeCode(SqlTypes.JSON)
    private DeadlineState state;

    protected DeadlineRecord() {
    }

    DeadlineRecord(DeadlineState state) {
        this.ref = state.ref();
        update(state);
    }

    @Override
    public void update(DeadlineState state) {
        this.state = state;
        this.article = state.article();
        this.status = state.status();
        this.dueAt = state.dueAt();
    }

    @Override
    public DeadlineState state() {
        return state;
    }
}
