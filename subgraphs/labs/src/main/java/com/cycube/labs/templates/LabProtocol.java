package com.cycube.labs.templates;

/** How a lab VM is reached through Guacamole. */
public enum LabProtocol {
    RDP,
    SSH,
    VNC;

    /** Guacamole's protocol name. */
    public String guacamoleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
