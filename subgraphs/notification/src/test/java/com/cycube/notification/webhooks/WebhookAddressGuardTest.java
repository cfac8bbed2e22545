package com.cycube.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses webhooks may call: only public ones, however an internal one is written. */
class WebhookAddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.5", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1",
            "255.255.255.255", "198.18.0.1", "192.0.0.8", "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254",
            "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1",
            "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "fec0::1"})
    void loopback_private_link_local_metadata_and_reserved_addresses_are_refused(String address) throws UnknownHostException {
        assertThat(WebhookAddressGuard.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "203.0.113.10",
            "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "2002:5db8:d70e::1", "64:ff9b::808:808"})
    void public_addresses_are_allowed(String address) throws UnknownHostException {
        assertThat(WebhookAddressGuard.isPublic(InetAddress.getByName(address))).isTrue();
    }
}
