package com.cycube.identity.invitations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param validity  how long an invitation (and its e-mail link) stays valid
 * @param sendEmail whether Keycloak e-mails the invitee a link to set a password and verify the address.
 *                  Needs SMTP configured in the realm (the local stack's dev realm sends to its local mailbox;
 *                  production configures the realm's SMTP server); off, the invited user is set up through the
 *                  Keycloak admin console.
 */
@ConfigurationProperties("cycube.invitations")
public record InvitationProperties(Duration validity, Boolean sendEmail) {

    public InvitationProperties {
        validity = validity == null ? Duration.ofDays(7) : validity;
        sendEmail = sendEmail == null ? Boolean.TRUE : sendEmail;
    }
}
