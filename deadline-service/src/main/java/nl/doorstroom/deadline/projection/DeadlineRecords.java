package nl.doorstroom.deadline.projection;

import nl.doorstroom.deadline.domain.DeadlineStatus;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

public interface DeadlineRecords extends JpaRepository<DeadlineRecord, String> {

    List<DeadlineRecord> findAllByOrderByDueAtAscRefAsc();

    List<DeadlineRecord> findByStatusInOrderByDueAtAscRefAsc(Collection<DeadlineStatus> statuses);
}
