package com.cycube.notification.facts;

import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The notification texts ({@code i18n/notifications*.properties}, UTF-8), English when a locale has none. */
@Configuration(proxyBeanMethods = false)
public class NotificationTexts {

    @Bean
    MessageSource notificationMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/notifications");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
