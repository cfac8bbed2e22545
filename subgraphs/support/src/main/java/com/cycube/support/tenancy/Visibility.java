package com.cycube.support.tenancy;

/** Which documents a read may return. */
public enum Visibility {
    /** Only the caller's organization (root: all). */
    OWN_ORGANIZATION,
    /** The caller's organization and global (platform-wide) documents (root: all). */
    OWN_ORGANIZATION_OR_GLOBAL
}
