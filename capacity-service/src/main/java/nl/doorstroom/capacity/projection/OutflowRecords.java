package nl.doorstroom.capacity.projection;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OutflowRecords extends JpaRepository<OutflowRecord, String> {
}
