package nl.doorstroom.capacity.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.doorstroom.capacity.domain.HandOverRecipient;

import nl.doorstroom.platform.time.BusinessDates;

import java.time.LocalDate;

/** Request bodies of capacity-service. A missing {@code occurredOn} means today on the business clock. */
public final class CapacityRequests {

    static final String LOCATION_ID = "^[A-Za-z0-9_.:-]{1,64}$";
    static final String VR_CODE = "^VR(0[1-9]|1[0-9]|2[0-5])$";

    private CapacityRequests() {
    }

    public record PledgeRequest(@Schema(example = "1") @NotNull @Min(1) @Max(2) Integer tranche,
                                @Schema(example = "225") @NotNull @Min(1) @Max(100_000) Integer places,
                                @Schema(example = "2022-09-01") @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record OpenCnoLocationRequest(@Schema(description = "left out: a new id CNO-<uuid> is given")
                                         @Pattern(regexp = LOCATION_ID) String locationId,
                                         @Schema(example = "VR01") @NotNull @Pattern(regexp = VR_CODE) String veiligheidsregio,
                                         @Schema(example = "Sporthal Zuidlaren") @NotBlank @Size(max = 200) String name,
                                         @Schema(example = "GM1730") @Pattern(regexp = "^GM[0-9]{4}$") String gemeente,
                                         @Schema(example = "225") @NotNull @Min(1) @Max(100_000) Integer places,
                                         boolean belowNormalStandard,
                                         @Schema(example = "2022-09-01") @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record CapacityRequest(@NotNull @Min(0) @Max(100_000) Integer places, @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record OccupancyRequest(@NotNull @Min(0) @Max(100_000) Integer occupied, @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record ClosureRequest(@PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }

    public record HandOverRequest(@NotNull HandOverRecipient to, @Size(max = 200) String recipient, @PastOrPresent(message = BusinessDates.NOT_AFTER_TODAY) LocalDate occurredOn) {
    }
}
