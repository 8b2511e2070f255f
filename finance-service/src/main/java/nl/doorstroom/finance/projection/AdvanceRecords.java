package nl.doorstroom.finance.projection;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AdvanceRecords extends JpaRepository<AdvanceRecord, String> {
}
