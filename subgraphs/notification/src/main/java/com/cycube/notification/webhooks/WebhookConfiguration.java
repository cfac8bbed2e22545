package com.cycube.notification.webhooks;

import java.net.InetAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Webhooks' settings ({@link WebhookProperties}) and the host resolver the address guard asks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WebhookAddressGuard.HostResolver hostResolver() {
        return InetAddress::getAllByName;
    }
}
