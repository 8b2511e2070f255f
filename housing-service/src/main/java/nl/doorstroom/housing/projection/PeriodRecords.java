package nl.doorstroom.housing.projection;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PeriodRecords extends JpaRepository<PeriodRecord, String> {
}
