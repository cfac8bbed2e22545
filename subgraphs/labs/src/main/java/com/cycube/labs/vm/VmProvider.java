package com.cycube.labs.vm;

import com.cycube.labs.templates.LabTemplateDocument;
import java.util.Map;

/**
 * What the labs need from a cloud: start a VM for a lab, see how it is doing, get rid of it. Every call is
 * idempotent, so the provisioning driver can repeat any of them after a crash or a lost race.
 */
public interface VmProvider {

    /**
     * Launches a VM from {@code template}. {@code clientToken} makes it idempotent: launching again with the same
     * token returns the same instance instead of a second VM.
     *
     * @return the provider's instance id
     * @throws VmProviderException retryable (throttled, provider down) or permanent (bad image, no capacity...)
     */
    String launch(String clientToken, LabTemplateDocument template, Map<String, String> tags);

    /** The VM's state and address; {@link VmState#NOT_FOUND} when the provider does not know it (any more). */
    VmDescription describe(String instanceId);

    /** Terminates the VM; a VM that is already gone is not an error. */
    void terminate(String instanceId);
}
