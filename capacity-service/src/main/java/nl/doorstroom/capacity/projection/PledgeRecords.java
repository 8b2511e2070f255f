package nl.doorstroom.capacity.projection;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PledgeRecords extends JpaRepository<PledgeRecord, String> {
}
