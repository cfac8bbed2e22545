package com.cycube.support.tenancy;

/**
 * A document that belongs to one organization. {@code null} means platform-wide (global) data,
 * which only root may write.
 */
public interface TenantOwned {

    String organizationId();
}
