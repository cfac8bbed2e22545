package com.cycube.notification.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/**
 * No server-side request forgery: an endpoint's host is resolved right before each attempt (and at registration), and
 * the attempt is refused when any of its addresses is loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * link-local (169.254/16 with the cloud metadata service 169.254.169.254, fe80::/10), unspecified, multicast,
 * carrier-grade NAT (100.64/10), another reserved IPv4 range, or one of those in IPv4-mapped, NAT64 or 6to4 form.
 * {@code cycube.notification.webhooks.allow-private-addresses} (local development only) turns the check off.
 * <p>
 * The HTTP client resolves the host again when it connects; the JVM's address cache normally answers it with the
 * addresses checked here, which keeps a DNS-rebinding window to the cache's expiry at most (docs/webhooks.md).
 */
@Component
public class WebhookAddressGuard {

    /** Looks up every address of a host name (the JVM's resolver outside tests). */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why an endpoint may not be called; the message is safe to show to its organization. */
    public static final class RefusedAddress extends Exception {
        public RefusedAddress(String message) {
            super(message, null, false, false);
        }
    }

    private final HostResolver resolver;
    private final boolean allowPrivate;

    public WebhookAddressGuard(HostResolver resolver, WebhookProperties properties) {
        this.resolver = resolver;
        this.allowPrivate = properties.allowPrivateAddresses();
    }

    /** Refuses {@code url} when its host does not resolve or resolves to an address that is not public. */
    public void check(URI url) throws RefusedAddress {
        if (allowPrivate) {
            return;
        }
        String host = url.getHost();
        if (host == null) {
            throw new RefusedAddress("The URL has no host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new RefusedAddress("The host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new RefusedAddress("The host " + host + " resolves to a loopback, private, link-local or "
                        + "otherwise reserved address, which webhooks may not call");
            }
        }
    }

    /** Whether {@code address} is on the public internet (none of the ranges in the class comment). */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local (AWS metadata fd00:ec2::254)
                return false;
            }
            if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) { // ::ffff:a.b.c.d
                return isPublicV4(tail(b));
            }
            if (allZero(b, 0, 12)) { // ::a.b.c.d (deprecated IPv4-compatible), ::, ::1
                return isPublicV4(tail(b));
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) { // 64:ff9b::/96
                return isPublicV4(tail(b));
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) { // 2002::/16 6to4 carries an IPv4 address in bytes 2-5
                return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]});
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return !(a0 == 0 // this network
                || a0 == 10 // private
                || a0 == 127 // loopback
                || (a0 == 100 && a1 >= 64 && a1 <= 127) // carrier-grade NAT
                || (a0 == 169 && a1 == 254) // link-local, cloud metadata
                || (a0 == 172 && a1 >= 16 && a1 <= 31) // private
                || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (a0 == 192 && a1 == 168) // private
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                || a0 >= 224); // multicast, reserved, broadcast
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] b) {
        return new byte[] {b[12], b[13], b[14], b[15]};
    }
}
