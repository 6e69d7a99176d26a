package nl.adempauze.requestmatching.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.adempauze.contracts.whatif.WhatIfSettings;

/**
 * A coordinator's what-if settings: every field optional (absent keeps today's); the ranges bound what a run may
 * ask. Whether a care type or location belongs to the region is checked against it (WhatIfSettingsRules).
 */
public record WhatIfBody(
        @Valid @Size(max = 20, message = "protection has at most 20 care types") List<ProtectionBody> protection,
        @Min(value = 0, message = "releaseHorizonHours is 0 to 336")
        @Max(value = 336, message = "releaseHorizonHours is 0 to 336") Integer releaseHorizonHours,
        @Min(value = 5, message = "crisisResponseMinutes is 5 to 1440")
        @Max(value = 1440, message = "crisisResponseMinutes is 5 to 1440") Integer crisisResponseMinutes,
        @Min(value = 5, message = "plannedResponseMinutes is 5 to 10080")
        @Max(value = 10080, message = "plannedResponseMinutes is 5 to 10080") Integer plannedResponseMinutes,
        @Valid @Size(max = 50, message = "extraBeds has at most 50 lines") List<ExtraBedsBody> extraBeds,
        Boolean border,
        @Min(value = 1, message = "months is 1 to 12") @Max(value = 12, message = "months is 1 to 12") Integer months) {

    /** Protected beds per location and night, or a share of the night's free beds; both absent: none. */
    public record ProtectionBody(
            @NotBlank(message = "careType is required") String careType,
            @Min(value = 0, message = "protectedBeds is 0 to 20")
            @Max(value = 20, message = "protectedBeds is 0 to 20") Integer protectedBeds,
            @DecimalMin(value = "0", message = "protectedShare is 0 to 1")
            @DecimalMax(value = "1", message = "protectedShare is 0 to 1") Double protectedShare) {
    }

    /** Beds added (negative: removed) at a location of the region for one care type. */
    public record ExtraBedsBody(
            @NotBlank(message = "locationId is required") String locationId,
            @NotBlank(message = "careType is required") String careType,
            @NotNull(message = "beds is required") @Min(value = -20, message = "beds is -20 to 20")
            @Max(value = 20, message = "beds is -20 to 20") Integer beds) {
    }

    WhatIfSettings settings() {
        return new WhatIfSettings(protection == null ? null : protection.stream()
                .map(asked -> new WhatIfSettings.Protection(asked.careType(), asked.protectedBeds(),
                        asked.protectedShare())).toList(),
                releaseHorizonHours, crisisResponseMinutes, plannedResponseMinutes,
                extraBeds == null ? null : extraBeds.stream()
                        .map(extra -> new WhatIfSettings.ExtraBeds(extra.locationId(), extra.careType(), extra.beds()))
                        .toList(),
                border, months);
    }
}
