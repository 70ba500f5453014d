package com.successworkshop.task.domain;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Workload codes of the FTOP Services tab (playbook: neighbouring playbooks, workload codes). */
public enum Workload {
    EXO, OLM, SPO, OD, M365_APPS, TEAMS, YAM, WIN10, INTUNE, AADP, AIP, MCAS, IDSEC, PROJ, WDATP, SDS, CORE, EDGE;

    /** Service names as the FTOP task export spells them; names with no workload code (Skype, PowerBI, ...) map to nothing. */
    private static final Map<String, Workload> NAMES = Map.ofEntries(
            Map.entry("onedrive for business", OD), Map.entry("onedrive", OD),
            Map.entry("sharepoint", SPO), Map.entry("sharepoint online", SPO),
            Map.entry("microsoft 365 apps", M365_APPS), Map.entry("office 365 proplus", M365_APPS), Map.entry("m365 apps", M365_APPS),
            Map.entry("windows 10", WIN10), Map.entry("windows", WIN10),
            Map.entry("exchange", EXO), Map.entry("exchange online", EXO),
            Map.entry("outlook mobile", OLM), Map.entry("aadp", AADP), Map.entry("azure ad premium", AADP),
            Map.entry("intune", INTUNE), Map.entry("teams", TEAMS), Map.entry("yammer", YAM),
            Map.entry("aip", AIP), Map.entry("mcas", MCAS), Map.entry("mdatp", WDATP), Map.entry("wdatp", WDATP),
            Map.entry("edge", EDGE), Map.entry("classroom", SDS), Map.entry("sds", SDS), Map.entry("project", PROJ),
            Map.entry("core onboarding", CORE), Map.entry("core", CORE), Map.entry("idsec", IDSEC));

    public static final String ALL_SERVICES = "All Services";

    public static Optional<Workload> fromName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        Workload w = NAMES.get(n);
        if (w != null) {
            return Optional.of(w);
        }
        for (Workload code : values()) {
            if (code.name().equalsIgnoreCase(n)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /** "Outlook Mobile / AADP / Exchange / Intune" → {OLM, AADP, EXO, INTUNE}; best effort, unknown names are skipped. */
    public static Set<Workload> parseNames(String names) {
        Set<Workload> out = new LinkedHashSet<>();
        for (String part : names.split("[/,;]")) {
            if (!part.isBlank()) {
                fromName(part).ifPresent(out::add);
            }
        }
        return out;
    }

    public static boolean isAllServices(String names) {
        return names.trim().equalsIgnoreCase(ALL_SERVICES) || names.trim().equalsIgnoreCase("all");
    }
}
