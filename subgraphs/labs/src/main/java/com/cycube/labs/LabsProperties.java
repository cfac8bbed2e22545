package com.cycube.labs;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code cycube.labs.*}; the defaults and what each means are in application.yaml. */
@ConfigurationProperties("cycube.labs")
public record LabsProperties(
        String provider,
        String remoteAccess,
        int defaultQuota,
        Duration expiryWarning,
        Duration provisioningTimeout,
        Duration objectiveGrace,
        ResetLimit resetLimit,
        Driver driver,
        Simulated simulated,
        Ec2 ec2,
        Guacamole guacamole) {

    /** At most {@code perLab} resets of one lab and {@code perUser} resets by one person within any {@code window}. */
    public record ResetLimit(int perLab, int perUser, Duration window) {
    }

    public record Driver(boolean enabled, Duration interval) {
    }

    public record Simulated(Duration pendingTime, Duration stoppingTime, String failingImage) {
    }

    public record Ec2(String endpoint, String region, String accessKeyId, String secretAccessKey, String subnetId,
                      List<String> securityGroupIds, String keyName, int maxAttempts) {
    }

    public record Guacamole(String baseUrl, String publicUrl, String username, String password, String dataSource) {
    }
}
