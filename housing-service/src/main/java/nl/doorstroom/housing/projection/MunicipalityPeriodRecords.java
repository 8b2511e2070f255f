package nl.doorstroom.housing.projection;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface MunicipalityPeriodRecords extends JpaRepository<MunicipalityPeriodRecord, String> {

    List<MunicipalityPeriodRecord> findByPeriod(String period);

    List<MunicipalityPeriodRecord> findByPeriodAndProvincie(String period, String provincie);
}
