package com.successworkshop.engagement.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person at the workshop or a check-in: customer, partner or Microsoft side. */
public record Attendee(@NotBlank @Size(max = 200) String name,
                       @NotBlank @Size(max = 200) String organisation,
                       @Size(max = 200) String role) {
}
