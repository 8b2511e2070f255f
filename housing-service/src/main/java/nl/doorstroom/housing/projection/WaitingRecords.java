package nl.doorstroom.housing.projection;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WaitingRecords extends JpaRepository<WaitingRecord, String> {
}
