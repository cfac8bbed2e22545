package com.cycube.labs.provisioning;

import com.cycube.labs.LabsProperties;
import com.cycube.labs.instances.LabInstanceDocument;
import com.cycube.labs.instances.LabStore;
import com.cycube.labs.quotas.LabQuotaService;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends labs whose time is up, from stored state only (labs by state and {@code expiresAt}), so expiry happens
 * even if the service was down when it was due. Each tick:
 * <ol>
 *   <li>raises the expiry warning ({@code expiryWarningSentAt}) on active labs expiring within
 *       {@code cycube.labs.expiry-warning} — once per lab, by a conditional write;</li>
 *   <li>expires active labs whose {@code expiresAt} has passed (compare-and-set → EXPIRED, then the VM is
 *       terminated and the connection removed);</li>
 *   <li>retries releasing VMs and connections that an earlier step could not release (crash, provider down);</li>
 *   <li>gives back quota places a crash left held ({@link LabQuotaService#reclaim}).</li>
 * </ol>
 * Two instances running it at once cannot expire a lab twice: only one compare-and-set wins.
 */
@Component
public class LabReaper {

    private static final Logger log = LoggerFactory.getLogger(LabReaper.class);

    private final LabStore store;
    private final LabProvisioner provisioner;
    private final LabQuotaService quotas;
    private final LabsProperties properties;

    public LabReaper(LabStore store, LabProvisioner provisioner, LabQuotaService quotas, LabsProperties properties) {
        this.store = store;
        this.provisioner = provisioner;
        this.quotas = quotas;
        this.properties = properties;
    }

    /** What one tick did. */
    public record Outcome(int warned, int expired, int released, int quotaPlacesReclaimed) {
    }

    public Outcome tick() {
        Instant now = store.now();
        int warned = 0;
        int expired = 0;
        int released = 0;
        Instant warnBefore = now.plus(properties.expiryWarning());
        for (LabInstanceDocument lab : store.unwarnedExpiringBy(warnBefore, ProvisioningDriver.BATCH)) {
            if (lab.expiresAt().isAfter(now) && store.markExpiryWarning(lab, warnBefore).isPresent()) {
                log.info("Lab {} of user {} expires at {}: warning raised", lab.id(), lab.ownerId(), lab.expiresAt());
                warned++;
            }
        }
        for (LabInstanceDocument lab : store.activeExpiringBy(now, ProvisioningDriver.BATCH)) {
            try {
                if (provisioner.expire(lab).isPresent()) {
                    log.info("Lab {} expired", lab.id());
                    expired++;
                }
            } catch (RuntimeException e) {
                log.error("Expiring lab {} failed", lab.id(), e);
            }
        }
        for (LabInstanceDocument lab : store.needingRelease(ProvisioningDriver.BATCH)) {
            if (!provisioner.release(lab).needsRelease()) {
                released++;
            }
        }
        return new Outcome(warned, expired, released, quotas.reclaim());
    }
}
