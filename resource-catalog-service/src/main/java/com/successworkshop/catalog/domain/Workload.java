package com.successworkshop.catalog.domain;

/** Workload codes of the FTOP Services tab (playbook facts, "Workload codes"). M365_APPS was Office 365 ProPlus. */
public enum Workload {
    EXO, OLM, SPO, OD, M365_APPS, TEAMS, YAM, WIN10, INTUNE, AADP, AIP, MCAS, IDSEC, PROJ, WDATP, SDS, CORE, EDGE
}
