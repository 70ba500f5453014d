package com.successworkshop.catalog.application;

import com.successworkshop.catalog.domain.Audience;
import com.successworkshop.catalog.domain.PlaybookSection;
import com.successworkshop.catalog.domain.ResourceKind;
import com.successworkshop.catalog.domain.ResourceStatus;
import com.successworkshop.catalog.domain.Workload;
import com.successworkshop.kit.domain.Versioned;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the catalog's use cases take and return: the bodies of /api/v1/resources and the resource pack. */
public final class ResourceViews {

    private ResourceViews() {
    }

    @Schema(description = "A resource link as a catalog admin creates or replaces it")
    public record ResourceInput(
            @NotBlank @Size(max = 300) @Schema(examples = "Success plan checklist") String title,
            @Size(max = 300) @Schema(examples = "成功プランのチェックリスト") String titleJa,
            @NotBlank @Schema(description = "Absolute http(s) URL, at most 2048 bytes", examples = "https://aka.ms/success-plan-checklist") String address,
            @Size(max = 2000) String description,
            @NotNull PlaybookSection section,
            @Schema(description = "Workload codes the resource applies to; empty or absent = every service") List<@NotNull Workload> services,
            @NotEmpty List<@NotNull Audience> audience,
            @NotNull ResourceKind kind,
            @NotBlank @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", message = "must be a language tag such as en or ja") String language,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            @Schema(description = "Only for customers eligible for an enterprise add-on adoption benefit") Boolean eligibleOnly) {
    }

    @Schema(description = "Retire a resource; it stays readable and points at its replacement")
    public record RetireResource(@NotBlank @Size(max = 2000) String reason,
                                 @Schema(description = "An ACTIVE resource that takes its place") UUID replacementId) {
    }

    public record Replacement(@NotNull UUID id, String title, String address, ResourceStatus status) {
    }

    public record Retirement(String reason, Instant retiredAt, Replacement replacement) {
    }

    public record LinkCheck(Instant checkedAt, Integer httpStatus, String error) {
    }

    public record ResourceView(@NotNull UUID id, @NotNull long version, String title, String titleJa, String address, String description,
                               PlaybookSection section, String sectionTitle, List<String> services, @NotNull boolean allServices,
                               List<String> audience, ResourceKind kind, String language, List<String> tags, @NotNull boolean eligibleOnly,
                               ResourceStatus status, Retirement retirement, LinkCheck lastLinkCheck,
                               Instant createdAt, Instant updatedAt) implements Versioned {
    }

    public record PackItem(UUID resourceId, String title, String titleJa, String address, ResourceKind kind, List<String> audience,
                           String language, String why) {
    }

    public record PackSection(PlaybookSection section, String title, List<PackItem> items) {
    }

    public record ResourcePackView(UUID engagementId, String partnerId, List<String> intendedServices, Boolean eligible,
                                   @NotNull boolean workshopCompleted,
                                   @Schema(description = "Goes up each time the pack's resources or their reasons change; 0 while it never held one")
                                   @NotNull long version, Instant updatedAt, @NotNull int total, List<PackSection> sections) {
    }
}
