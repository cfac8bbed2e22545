package com.cycube.labs.quotas;

import com.cycube.labs.LabsProperties;
import com.cycube.labs.instances.LabStore;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Per-organization concurrent-lab quotas: {@code cycube.labs.default-quota} unless root stored an override.
 * The identity subgraph owns {@code Organization.labQuota}; until its changes reach labs as events, root sets
 * the override here with {@code setLabQuota}.
 */
@Service
public class LabQuotaService {

    public static final int MAX_QUOTA = 1000;

    private final TenantScopedMongo scoped;
    private final LabStore labs;
    private final LabsProperties properties;
    private final Clock clock;

    public LabQuotaService(TenantScopedMongo scoped, LabStore labs, LabsProperties properties, Clock clock) {
        this.scoped = scoped;
        this.labs = labs;
        this.properties = properties;
        this.clock = clock;
    }

    /** The limit for the caller's organization (read with the caller's own tenant scope). */
    public int limitFor(Caller caller, String organizationId) {
        return override(caller, organizationId).map(LabQuotaDocument::maxConcurrentLabs).orElse(properties.defaultQuota());
    }

    public LabQuota quota(Caller caller, String organizationId) {
        caller.require(Role.MANAGER, null);
        String org = organizationId != null ? organizationId : caller.requireOrganization();
        if (!caller.canAccessOrganization(org)) {
            throw DomainException.notFound("Organization", org);
        }
        Optional<LabQuotaDocument> override = override(caller, org);
        return new LabQuota(org, override.map(LabQuotaDocument::maxConcurrentLabs).orElse(properties.defaultQuota()),
                (int) labs.countActive(caller, org), override.isEmpty());
    }

    public LabQuota set(Caller caller, String organizationId, Integer maxConcurrentLabs) {
        caller.require(Role.ROOT, null);
        if (organizationId == null || organizationId.isBlank() || organizationId.length() > 100) {
            throw DomainException.badInput("organizationId is required");
        }
        if (maxConcurrentLabs != null && (maxConcurrentLabs < 0 || maxConcurrentLabs > MAX_QUOTA)) {
            throw DomainException.badInput("maxConcurrentLabs must be between 0 and " + MAX_QUOTA);
        }
        if (maxConcurrentLabs == null) {
            scoped.delete(caller, organizationId, LabQuotaDocument.class);
        } else {
            LabQuotaDocument document = new LabQuotaDocument(organizationId, organizationId, maxConcurrentLabs,
                    caller.subject(), clock.instant());
            if (override(caller, organizationId).isPresent()) {
                scoped.replace(caller, organizationId, document);
            } else {
                scoped.insert(caller, document);
            }
        }
        return quota(caller, organizationId);
    }

    private Optional<LabQuotaDocument> override(Caller caller, String organizationId) {
        return scoped.findById(caller, Visibility.OWN_ORGANIZATION, organizationId, LabQuotaDocument.class);
    }
}
