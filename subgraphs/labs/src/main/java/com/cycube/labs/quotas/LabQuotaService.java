package com.cycube.labs.quotas;

import com.cycube.labs.LabsProperties;
import com.cycube.labs.instances.LabStore;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Per-organization concurrent-lab quotas. Identity owns them ({@code Organization.labQuota}); labs follows its
 * {@code OrganizationChanged} events ({@link OrganizationQuotaHandler}) and falls back to
 * {@code cycube.labs.default-quota} for an organization it has not heard of yet. A deactivated organization's
 * limit is 0.
 */
@Service
public class LabQuotaService {

    private final LabQuotaStore quotas;
    private final LabStore labs;
    private final LabsProperties properties;

    public LabQuotaService(LabQuotaStore quotas, LabStore labs, LabsProperties properties) {
        this.quotas = quotas;
        this.labs = labs;
        this.properties = properties;
    }

    /** The limit for the caller's organization (read with the caller's own tenant scope). */
    public int limitFor(Caller caller, String organizationId) {
        return announced(caller, organizationId).map(LabQuotaDocument::effectiveLimit).orElse(properties.defaultQuota());
    }

    /** Whether identity announced the organization as deactivated. */
    public boolean deactivated(Caller caller, String organizationId) {
        return announced(caller, organizationId).map(quota -> Boolean.FALSE.equals(quota.active())).orElse(false);
    }

    public LabQuota quota(Caller caller, String organizationId) {
        caller.require(Role.MANAGER, null);
        String org = organizationId != null ? organizationId : caller.requireOrganization();
        if (!caller.canAccessOrganization(org)) {
            throw DomainException.notFound("Organization", org);
        }
        Optional<LabQuotaDocument> announced = announced(caller, org);
        return new LabQuota(org, announced.map(LabQuotaDocument::effectiveLimit).orElse(properties.defaultQuota()),
                (int) labs.countActive(caller, org), announced.isEmpty());
    }

    private Optional<LabQuotaDocument> announced(Caller caller, String organizationId) {
        return quotas.findAnnounced(caller, organizationId);
    }
}
