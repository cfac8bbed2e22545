package com.cycube.labs.remoteaccess;

import com.cycube.labs.templates.LabTemplateDocument;

/** Browser access to a lab VM: one connection per lab, usable by the lab's owner only. Both calls are idempotent. */
public interface RemoteAccess {

    /**
     * Creates the connection to {@code address} for lab {@code labId} (named after it) and grants it to
     * {@code ownerId} only.
     */
    RemoteSession open(String labId, String ownerId, LabTemplateDocument template, String address);

    /** Removes a connection; an unknown connection is not an error. */
    void close(String connectionId);
}
