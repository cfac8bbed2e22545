package com.cycube.labs.instances;

import com.cycube.labs.LabsProperties;
import com.cycube.labs.cubes.LabCubeDocument;
import com.cycube.labs.cubes.LabCubeStore;
import com.cycube.labs.provisioning.LabProvisioner;
import com.cycube.labs.quotas.LabQuotaService;
import com.cycube.labs.quotas.LabQuotaUsageStore;
import com.cycube.labs.templates.LabTemplateDocument;
import com.cycube.labs.templates.LabTemplateService;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.persistence.OptimisticRetry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** The lab rules: who may do what to which lab, quotas, one active lab per cube, lifetimes, reset limits. */
@Service
public class LabService {

    private static final String LAB = "The lab";

    private final LabStore store;
    private final LabTemplateService templates;
    private final LabQuotaService quotas;
    private final LabProvisioner provisioner;
    private final LabCubeStore cubes;
    private final ResetRateLimiter resetLimiter;
    private final LabsProperties properties;

    public LabService(LabStore store, LabTemplateService templates, LabQuotaService quotas, LabProvisioner provisioner,
                      LabCubeStore cubes, ResetRateLimiter resetLimiter, LabsProperties properties) {
        this.store = store;
        this.templates = templates;
        this.quotas = quotas;
        this.provisioner = provisioner;
        this.cubes = cubes;
        this.resetLimiter = resetLimiter;
        this.properties = properties;
    }

    /** What launchLab answers (its payload). */
    public record Launch(LabInstanceDocument lab, boolean alreadyActive) {
    }

    /**
     * Launches a lab for a LAB cube the caller's organization can see (a published course of its own or a GLOBAL
     * one; anything else is NOT_FOUND like a missing id). The cube decides the template; a {@code templateId}
     * given by the client must be that one (BAD_USER_INPUT otherwise).
     *
     * <p>A new lab first takes a place in the organization's quota ({@link LabQuotaService#reserve}: one conditional
     * write, so racing launches never exceed it), then is stored. A concurrent launch of the same trainee for the same
     * cube waits for the first one's lab and answers with it.
     */
    public Launch launch(Caller caller, String cubeId, String templateId) {
        caller.require(Role.TRAINEE, null);
        String organizationId = caller.requireOrganization();
        if (cubeId == null || cubeId.isBlank() || cubeId.length() > 100) {
            throw DomainException.badInput("cubeId is required");
        }
        LabCubeDocument cube = cubes.findLaunchable(caller, cubeId).orElseThrow(() -> DomainException.notFound("Cube", cubeId));
        if (templateId != null && !templateId.equals(cube.labTemplateId())) {
            throw DomainException.badInput("This cube's lab uses template " + cube.labTemplateId() + ", not " + templateId);
        }
        Optional<LabInstanceDocument> active = store.findActive(caller, organizationId, caller.subject(), cubeId);
        if (active.isPresent()) {
            return new Launch(active.get(), true);
        }
        LabTemplateDocument template = templates.find(cube.labTemplateId())
                .orElseThrow(() -> DomainException.badInput("Unknown lab template " + cube.labTemplateId()));
        if (quotas.deactivated(caller, organizationId)) {
            throw DomainException.conflict("Your organization is deactivated: no new labs can be started");
        }
        int limit = quotas.limitFor(caller, organizationId);
        Launch launch = OptimisticRetry.until(LAB, () -> reserveAndStore(caller, organizationId, cubeId, template, limit));
        return launch.alreadyActive() ? launch : new Launch(provisioner.launchVm(launch.lab()), false);
    }

    /** One attempt: the trainee's active lab for the cube, or a new lab in a place of the quota; empty to try again. */
    private Optional<Launch> reserveAndStore(Caller caller, String organizationId, String cubeId, LabTemplateDocument template,
                                             int limit) {
        Optional<LabInstanceDocument> active = store.findActive(caller, organizationId, caller.subject(), cubeId);
        if (active.isPresent()) {
            return Optional.of(new Launch(active.get(), true));
        }
        String id = "lab-" + UUID.randomUUID();
        String activeKey = LabInstanceDocument.activeKey(organizationId, caller.subject(), cubeId);
        LabQuotaUsageStore.Outcome place = quotas.reserve(caller, organizationId, id, activeKey, limit);
        if (place == LabQuotaUsageStore.Outcome.FULL) {
            throw DomainException.conflict("Your organization's lab quota is used up (" + limit
                    + " concurrent labs): terminate a lab or ask your platform operator for more");
        }
        if (place != LabQuotaUsageStore.Outcome.TAKEN) {
            return Optional.empty(); // the same cube's other launch is storing its lab, or a place came free: look again
        }
        Instant now = store.now();
        LabInstanceDocument lab = new LabInstanceDocument(id, organizationId, caller.subject(), cubeId,
                template.id(), LabState.REQUESTED, 0, 1, activeKey,
                null, null, null, null, now, now.plus(Duration.ofMinutes(template.defaultLifetimeMinutes())), null, null,
                List.of(new LabTransition(null, LabState.REQUESTED, now, "launched")), List.of(), List.of(), now,
                template.objectives(), List.of(), null);
        try {
            store.insert(caller, lab);
        } catch (DuplicateKeyException raced) {
            // a launch of the same trainee for the same cube stored its lab first: give the place back, answer with that lab
            quotas.cancel(organizationId, id);
            return Optional.empty();
        }
        return Optional.of(new Launch(lab, false));
    }

    public LabInstanceDocument extend(Caller caller, String id, Integer minutes) {
        return OptimisticRetry.until(LAB, () -> {
            LabInstanceDocument lab = visibleOrNotFound(caller, id);
            if (minutes == null || minutes < 1) {
                throw DomainException.badInput("minutes must be at least 1");
            }
            if (!lab.state().isActive()) {
                throw DomainException.conflict("Only an active lab can be extended; this one is " + lab.state());
            }
            LabTemplateDocument template = templates.find(lab.templateId())
                    .orElseThrow(() -> DomainException.conflict("The lab's template no longer exists"));
            Instant limit = lab.requestedAt().plus(Duration.ofMinutes(template.maxLifetimeMinutes()));
            Instant extended = lab.expiresAt().plus(Duration.ofMinutes(minutes));
            if (extended.isAfter(limit)) {
                long left = Math.max(0, Duration.between(lab.expiresAt(), limit).toMinutes());
                throw DomainException.badInput("A lab lives at most " + template.maxLifetimeMinutes()
                        + " minutes: it can be extended by " + left + " more minutes");
            }
            boolean clearWarning = extended.isAfter(store.now().plus(properties.expiryWarning()));
            return store.extend(caller, lab, extended, clearWarning);
        });
    }

    /** Idempotent: a lab that is already ending is answered as it is (a STOPPING one is pushed on). */
    public LabInstanceDocument terminate(Caller caller, String id) {
        return OptimisticRetry.until(LAB, () -> {
            LabInstanceDocument lab = visibleOrNotFound(caller, id);
            if (!lab.state().isActive()) {
                return Optional.of(lab.state() == LabState.STOPPING ? provisioner.finishStopping(lab) : lab);
            }
            String reason = "terminated by " + (caller.subject().equals(lab.ownerId()) ? "its owner" : "a manager");
            return store.end(caller, lab, LabState.STOPPING, reason).map(provisioner::finishStopping);
        });
    }

    /**
     * Replaces a RUNNING lab's VM. Rate-limited ({@link ResetRateLimiter}): checked after the lab was found and
     * found RUNNING, so only resets that can happen count, and given back when the reset is refused after all.
     */
    public LabInstanceDocument reset(Caller caller, String id) {
        ResetRateLimiter.Permit permit = resetLimiter.acquire(caller, requireRunning(visibleOrNotFound(caller, id)));
        LabInstanceDocument provisioning;
        try {
            provisioning = OptimisticRetry.until(LAB,
                    () -> store.reset(caller, requireRunning(visibleOrNotFound(caller, id)), "reset"));
        } catch (RuntimeException refused) {
            resetLimiter.giveBack(permit);
            throw refused;
        }
        return provisioner.launchVm(provisioner.release(provisioning));
    }

    private static LabInstanceDocument requireRunning(LabInstanceDocument lab) {
        if (lab.state() != LabState.RUNNING) {
            throw DomainException.conflict("Only a RUNNING lab can be reset; this one is " + lab.state());
        }
        return lab;
    }

    public Optional<LabInstanceDocument> get(Caller caller, String id) {
        caller.requireAuthenticated();
        return store.findVisible(caller, id);
    }

    public LabInstanceDocument visibleOrNotFound(Caller caller, String id) {
        caller.require(Role.TRAINEE, null);
        return store.findVisible(caller, id).orElseThrow(() -> DomainException.notFound("LabInstance", id));
    }

    public Connection<LabInstanceDocument> myLabs(Caller caller, PageRequest page, boolean activeOnly) {
        caller.require(Role.TRAINEE, null);
        return store.pageOfOwn(caller, activeOnly, page);
    }

    public Connection<LabInstanceDocument> labInstances(Caller caller, PageRequest page, LabState state) {
        caller.require(Role.MANAGER, null);
        return store.pageInState(caller, state, page);
    }

    /** The URL only its owner gets, only while RUNNING and unexpired. */
    public String connectionUrl(Caller caller, LabInstanceDocument lab) {
        boolean usable = lab.state() == LabState.RUNNING && lab.expiresAt().isAfter(store.now());
        return usable && LabAccess.mayConnect(caller, lab) ? lab.connectionUrl() : null;
    }

}
