package nl.doorstroom.deadline.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import nl.doorstroom.platform.time.BusinessDates;

import java.time.LocalDate;

/** Request bodies of deadline-service. A missing {@code occurredOn} means today on the business clock. */
public final class DeadlineRequests {

    static final String ARTICLE = "^[A-Z]+(\\.[0-9]+)*$";
    static final String QUALIFIER = "^[A-Za-z0-9_.:-]{1,64}$";

    private DeadlineRequests() {
    }

    /** @param evidence a document reference (e.g. a Kamerbrief) or the type and id of another service's event */
    public record MetRequest(@NotBlank @Size(max = 500) String evidence,
                             @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record ExtensionRequest(@NotNull LocalDate newDue, @NotBlank @Size(max = 2000) String reason) {
    }
}
