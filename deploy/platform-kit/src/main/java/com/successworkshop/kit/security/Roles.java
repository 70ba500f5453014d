package com.successworkshop.kit.security;

/** The platform's roles, as they appear in the token's groups claim. */
public final class Roles {
    public static final String FASTTRACK_MANAGER = "fasttrack-manager";
    public static final String PARTNER_VIEWER = "partner-viewer";
    public static final String CATALOG_ADMIN = "catalog-admin";
    public static final String OPS = "ops";

    private Roles() {
    }
}
