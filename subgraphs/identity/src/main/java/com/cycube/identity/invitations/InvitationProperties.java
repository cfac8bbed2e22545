package com.cycube.identity.invitations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param validity how long an invitation (and its e-mail link) stays valid */
@ConfigurationProperties("cycube.invitations")
public record InvitationProperties(Duration validity) {

    public InvitationProperties {
        validity = validity == null ? Duration.ofDays(7) : validity;
    }
}
