package nl.doorstroom.finance.projection;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BusinessCaseRecords extends JpaRepository<BusinessCaseRecord, String> {
}
