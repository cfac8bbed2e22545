package com.cycube.labs.provisioning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the provisioning driver and the reaper every {@code cycube.labs.driver.interval} (default 1 s) when
 * {@code cycube.labs.driver.enabled} (tests switch it off and call the ticks themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "cycube.labs.driver.enabled", havingValue = "true", matchIfMissing = true)
public class LabSchedule {

    private static final Logger log = LoggerFactory.getLogger(LabSchedule.class);

    private final ProvisioningDriver driver;
    private final LabReaper reaper;

    public LabSchedule(ProvisioningDriver driver, LabReaper reaper) {
        this.driver = driver;
        this.reaper = reaper;
    }

    @Scheduled(fixedDelayString = "${cycube.labs.driver.interval:1s}", initialDelayString = "${cycube.labs.driver.interval:1s}")
    void tick() {
        try {
            driver.tick();
            reaper.tick();
        } catch (RuntimeException e) {
            log.error("Lab driver tick failed", e);
        }
    }
}
