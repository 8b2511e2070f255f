package nl.doorstroom.platform.register;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CommitmentEntryRepository extends JpaRepository<CommitmentEntry, String> {
}
