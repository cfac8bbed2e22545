package com.cycube.labs.quotas;

import com.cycube.support.auth.Caller;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads of {@code lab_quotas} for requests (written only by {@link OrganizationQuotaHandler}). */
@Component
public class LabQuotaStore {

    private final TenantScopedMongo scoped;

    public LabQuotaStore(TenantScopedMongo scoped) {
        this.scoped = scoped;
    }

    /** The organization's quota as identity last announced it, read with the caller's own tenant scope. */
    public Optional<LabQuotaDocument> findAnnounced(Caller caller, String organizationId) {
        return scoped.findById(caller, Visibility.OWN_ORGANIZATION, organizationId, LabQuotaDocument.class);
    }
}
