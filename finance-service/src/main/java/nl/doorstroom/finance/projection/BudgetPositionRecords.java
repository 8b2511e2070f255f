package nl.doorstroom.finance.projection;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BudgetPositionRecords extends JpaRepository<BudgetPositionRecord, String> {
}
