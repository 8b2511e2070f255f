package nl.doorstroom.housing.projection;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FlexHomesRecords extends JpaRepository<FlexHomesRecord, String> {
}
