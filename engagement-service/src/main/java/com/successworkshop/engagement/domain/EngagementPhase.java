package com.successworkshop.engagement.domain;

/** Phases of a FastTrack engagement; this workshop belongs to ASSESS. */
public enum EngagementPhase {
    INITIATE, ASSESS, REMEDIATE, ENABLE, MIGRATE, SUCCESS
}
