package com.cycube.labs.quotas;

import com.cycube.labs.LabsProperties;
import com.cycube.labs.instances.LabInstanceDocument;
import com.cycube.labs.instances.LabState;
import com.cycube.labs.instances.LabStore;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Per-organization concurrent-lab quotas. Identity owns them ({@code Organization.labQuota}); labs follows its
 * {@code OrganizationChanged} events ({@link OrganizationQuotaHandler}) and falls back to
 * {@code cycube.labs.default-quota} for an organization it has not heard of yet. A deactivated organization's
 * limit is 0.
 *
 * <p>The quota is enforced by reservation ({@link LabQuotaUsageStore}): a launch takes a place before it stores its
 * lab, with one conditional write that matches only while fewer places than the limit are held, so racing launches
 * can never exceed it. A lab gives its place back when it stops being active ({@link #giveBack}: STOPPING, FAILED or
 * EXPIRED — the same moment it stops counting as active), by lab id, so a lab ended twice, or expired after it was
 * terminated, gives back one place. {@link #reclaim} repairs what a crash between two writes leaves behind.
 */
@Service
public class LabQuotaService {

    /** How long a place may be held for a lab that was never stored (a launch crashed in between) before it is reclaimed. */
    public static final Duration UNSTORED_LAB_GRACE = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(LabQuotaService.class);
    private static final int RECLAIM_BATCH = 100;

    private final LabQuotaStore quotas;
    private final LabQuotaUsageStore usage;
    private final LabStore labs;
    private final LabsProperties properties;
    private volatile String reclaimedUpTo;

    public LabQuotaService(LabQuotaStore quotas, LabQuotaUsageStore usage, LabStore labs, LabsProperties properties) {
        this.quotas = quotas;
        this.usage = usage;
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

    /**
     * Takes a place in the organization's quota for the lab {@code labId} about to be stored. The first time, the
     * organization's usage starts with the labs already active (launched before reservations existed).
     */
    public LabQuotaUsageStore.Outcome reserve(Caller caller, String organizationId, String labId, String activeKey, int limit) {
        if (!usage.exists(organizationId)) {
            usage.createIfMissing(organizationId, labs.activeOf(organizationId).stream()
                    .map(lab -> new LabQuotaUsageDocument.Holder(lab.id(), lab.activeKey(), lab.requestedAt())).toList());
        }
        return usage.take(caller, organizationId, new LabQuotaUsageDocument.Holder(labId, activeKey, labs.now()), limit);
    }

    /** Gives back the place of a lab that was never stored (its launch lost to another one). */
    public void cancel(String organizationId, String labId) {
        usage.giveBack(organizationId, List.of(labId));
    }

    /** Gives back the place of {@code lab} once it is no longer active; idempotent. Nothing for an active lab. */
    public void giveBack(LabInstanceDocument lab) {
        if (!lab.state().isActive()) {
            usage.giveBack(lab.organizationId(), List.of(lab.id()));
        }
    }

    /**
     * Gives back places that a crash left held (the reaper calls it every tick, a batch of organizations at a time,
     * round robin): places of labs that are no longer active (ended, the give-back after it lost), and places of labs
     * never stored, once {@link #UNSTORED_LAB_GRACE} passed (the launch died between reserving and storing).
     *
     * @return how many places were given back
     */
    public int reclaim() {
        List<LabQuotaUsageDocument> batch = usage.holdingAfter(reclaimedUpTo, RECLAIM_BATCH);
        reclaimedUpTo = batch.size() < RECLAIM_BATCH ? null : batch.get(batch.size() - 1).id();
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, LabState> states = labs.statesOf(batch.stream().flatMap(organization -> organization.holders().stream())
                .map(LabQuotaUsageDocument.Holder::labId).toList());
        Instant unstoredBefore = labs.now().minus(UNSTORED_LAB_GRACE);
        int reclaimed = 0;
        for (LabQuotaUsageDocument organization : batch) {
            List<String> stale = organization.holders().stream().filter(holder -> {
                LabState state = states.get(holder.labId());
                return state == null ? holder.at().isBefore(unstoredBefore) : !state.isActive();
            }).map(LabQuotaUsageDocument.Holder::labId).toList();
            if (!stale.isEmpty()) {
                log.info("Giving back {} quota place(s) of organization {} left held: {}", stale.size(), organization.id(), stale);
                usage.giveBack(organization.id(), stale);
                reclaimed += stale.size();
            }
        }
        return reclaimed;
    }

    private Optional<LabQuotaDocument> announced(Caller caller, String organizationId) {
        return quotas.findAnnounced(caller, organizationId);
    }
}
