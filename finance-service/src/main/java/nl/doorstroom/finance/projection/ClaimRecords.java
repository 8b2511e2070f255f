package nl.doorstroom.finance.projection;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ClaimRecords extends JpaRepository<ClaimRecord, String> {
}
