package com.successworkshop.catalog.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An engagement's resource pack (Outcomes: the FM decides FastTrack resources): the catalog's ACTIVE links that fit its
 * intended services, its eligibility and its phase, each with why it is there, in catalog order.
 */
public record ResourcePack(UUID engagementId, List<Item> items) {

    public record Item(ResourceLink resource, String why) {
    }

    public ResourcePack {
        items = List.copyOf(items);
    }

    /** The pack of {@code engagement} from the whole catalog (retired links too: they bring in their replacements). */
    public static ResourcePack of(EngagementRead engagement, List<ResourceLink> catalog) {
        Map<UUID, ResourceLink> byId = catalog.stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
        Map<UUID, Item> out = new LinkedHashMap<>();
        for (ResourceLink r : catalog) {
            if (r.status == ResourceStatus.ACTIVE) {
                why(engagement, r).ifPresent(why -> out.put(r.id, new Item(r, why)));
            }
        }
        // A retired link that would fit points at its replacement: the replacement takes its place in the pack.
        for (ResourceLink r : catalog) {
            if (r.status != ResourceStatus.RETIRED || r.replacementId == null) {
                continue;
            }
            ResourceLink replacement = byId.get(r.replacementId);
            if (replacement == null || replacement.status != ResourceStatus.ACTIVE || out.containsKey(replacement.id)) {
                continue;
            }
            why(engagement, r).ifPresent(would -> out.put(replacement.id, new Item(replacement,
                    "Replaces '" + r.title + "' (retired: " + r.retiredReason + "); " + would)));
        }
        return new ResourcePack(engagement.engagementId, new ArrayList<>(out.values()));
    }

    /** The digest of a pack without items. */
    public static final String EMPTY_DIGEST = new ResourcePack(null, List.of()).digest();

    /** SHA-256 (hex) of what the pack holds, each resource with why, in order: equal digests, equal packs. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Item i : items) {
                sha.update(i.resource().id.toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(i.why().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Why {@code r} belongs in the pack of {@code e}, or empty when it does not; each rule names its playbook section. */
    static Optional<String> why(EngagementRead e, ResourceLink r) {
        boolean completed = e.workshopCompleted();
        // Approach: "Schedule the success workshop" prepares the workshop; Next steps follow it.
        if (r.section.stage() == PlaybookSection.Stage.BEFORE_WORKSHOP && completed) {
            return Optional.empty();
        }
        if (r.section.stage() == PlaybookSection.Stage.AFTER_WORKSHOP && !completed) {
            return Optional.empty();
        }
        // Goals 6 / Next steps: enterprise add-on benefit material only for an eligible customer.
        if (r.eligibleOnly && !Boolean.TRUE.equals(e.eligible)) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        // Approach, "applies to": a section's resources for all services, or for the intended services they name.
        if (r.services.isEmpty()) {
            reasons.add("'" + r.section.title() + "' applies to all services");
        } else {
            List<String> matched = r.services.stream().filter(e.intendedServices::contains).toList();
            if (matched.isEmpty()) {
                return Optional.empty();
            }
            reasons.add("intended service " + String.join(", ", matched) + " (" + r.section.title() + ")");
        }
        if (r.eligibleOnly) {
            reasons.add("eligible for " + Objects.requireNonNullElse(e.eligibilityBenefit, "an enterprise add-on benefit")
                    + (e.eligibilityRules == null ? "" : " (rules " + e.eligibilityRules + ")"));
        }
        if (r.section.stage() == PlaybookSection.Stage.AFTER_WORKSHOP) {
            reasons.add("the success workshop is complete");
        }
        return Optional.of(String.join("; ", reasons));
    }
}
