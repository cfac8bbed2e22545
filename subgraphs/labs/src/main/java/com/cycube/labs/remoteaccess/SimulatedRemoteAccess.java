package com.cycube.labs.remoteaccess;

import com.cycube.labs.templates.LabTemplateDocument;

/**
 * The local stand-in for Guacamole: a connection id derived from the lab and a URL on the reserved
 * {@code .invalid} domain, so nobody mistakes it for a working console.
 */
public class SimulatedRemoteAccess implements RemoteAccess {

    @Override
    public RemoteSession open(String labId, String ownerId, LabTemplateDocument template, String address) {
        String connectionId = "sim-" + labId;
        return new RemoteSession(connectionId, "http://guacamole.simulated.invalid/#/client/" + connectionId
                + "?protocol=" + template.protocol().guacamoleName() + "&host=" + address + "&port=" + template.port());
    }

    @Override
    public void close(String connectionId) {
        // nothing was created
    }
}
