package com.cycube.support.context;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * The one place that says which address a request came from, for the audit trail and the log — over HTTP, at a
 * WebSocket's {@code connection_init}, and for a token refused before GraphQL runs.
 *
 * <p>The answer is the address of the connection this subgraph accepted (the peer), unless that peer is one of
 * {@code cycube.security.trusted-proxies}: then {@code X-Forwarded-For} is read from right to left — each proxy
 * appends the address it saw — and the client is the right-most entry that is not itself a trusted proxy (RFC 7239
 * section 5.2's rule for {@code for=}, applied to the de-facto header). Everything left of that entry was written by
 * someone no trusted proxy vouches for, so it is never used. An entry that is not an IP address literal (a host name,
 * {@code unknown}, an obfuscated identifier, garbage) ends the walk: the answer is then the peer, since a trusted
 * proxy would have written an address. When every entry is a trusted proxy, the left-most one is the client.
 *
 * <p>The default, no trusted proxies, trusts no forwarding header at all: the peer is the client. Nothing is ever
 * looked up in DNS (only literals are parsed). {@code Forwarded}, {@code X-Real-IP} and the like are never read.
 */
public final class ClientAddresses {

    /** The forwarding header read from trusted proxies. */
    public static final String FORWARDED_FOR = "X-Forwarded-For";

    /** Trusts no forwarding header: the client is always the peer. */
    public static final ClientAddresses PEER_ONLY = new ClientAddresses(List.of());

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(" + IPV4.pattern() + "):\\d{1,5}");
    // starts with a hex digit or a colon and holds a colon: what the JDK parses as an IPv6 literal, never a host name
    private static final Pattern IPV6 = Pattern.compile("(?=[^:]*:)[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[(" + IPV6.pattern() + ")](?::\\d{1,5})?");

    private final List<Cidr> trustedProxies;

    /**
     * @param trustedProxies CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}) or single addresses of the proxies that
     *                       may tell this subgraph its client's address; a block covering every address
     *                       ({@code 0.0.0.0/0}, {@code ::/0}) is refused, since then any caller could choose the
     *                       address it is audited under
     * @throws IllegalArgumentException for an entry that is not a CIDR block of IP address literals
     */
    public ClientAddresses(List<String> trustedProxies) {
        List<Cidr> parsed = new ArrayList<>();
        for (String entry : trustedProxies == null ? List.<String>of() : trustedProxies) {
            if (entry != null && !entry.isBlank()) {
                parsed.add(Cidr.parse(entry.strip()));
            }
        }
        this.trustedProxies = List.copyOf(parsed);
    }

    /** The client address of a connection from {@code peer} that carried these {@code X-Forwarded-For} values. */
    public String of(InetSocketAddress peer, List<String> forwardedFor) {
        return peer == null ? null : of(peer.getAddress(), forwardedFor);
    }

    /** The client address of a connection from {@code peer} that carried these {@code X-Forwarded-For} values. */
    public String of(InetAddress peer, List<String> forwardedFor) {
        if (peer == null) {
            return null;
        }
        if (!isTrustedProxy(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer.getHostAddress();
        }
        List<String> entries = entries(forwardedFor);
        InetAddress client = peer;
        for (int i = entries.size() - 1; i >= 0; i--) {
            InetAddress entry = literal(entries.get(i));
            if (entry == null) {
                return peer.getHostAddress(); // not written by a proxy we trust: nothing in it can be relied on
            }
            client = entry;
            if (!isTrustedProxy(entry)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    /** The client address of a GraphQL request or WebSocket handshake: its peer and its X-Forwarded-For headers. */
    public String of(InetSocketAddress peer, HttpHeaders headers) {
        return of(peer, headers == null ? null : headers.get(FORWARDED_FOR));
    }

    /** The client address of a servlet request: its peer ({@code getRemoteAddr}) and its X-Forwarded-For headers. */
    public String of(HttpServletRequest request) {
        String peerAddress = request.getRemoteAddr();
        InetAddress peer = peerAddress == null ? null : literal(peerAddress);
        return peer == null ? peerAddress : of(peer, Collections.list(request.getHeaders(FORWARDED_FOR)));
    }

    private boolean isTrustedProxy(InetAddress address) {
        for (Cidr proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Every comma-separated entry of every header line, in order (several lines are one list, RFC 9110 5.3). */
    private static List<String> entries(List<String> headerLines) {
        List<String> entries = new ArrayList<>();
        for (String line : headerLines) {
            if (line != null) {
                Collections.addAll(entries, line.split(",", -1));
            }
        }
        return entries;
    }

    /** The IP address an entry names ({@code 192.0.2.1}, {@code 192.0.2.1:443}, {@code 2001:db8::1}, {@code [2001:db8::1]:443}), or null. */
    static InetAddress literal(String raw) {
        String entry = raw.strip();
        if (IPV4.matcher(entry).matches()) {
            return ipv4(entry);
        }
        Matcher withPort = IPV4_WITH_PORT.matcher(entry);
        if (withPort.matches()) {
            return ipv4(withPort.group(1));
        }
        Matcher bracketed = BRACKETED_IPV6.matcher(entry);
        if (bracketed.matches()) {
            return ipv6(bracketed.group(1));
        }
        return IPV6.matcher(entry).matches() ? ipv6(entry) : null;
    }

    private static InetAddress ipv4(String dotted) {
        String[] parts = dotted.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossibleForFourBytes) {
            return null;
        }
    }

    /** An IPv6 literal (text matching {@link #IPV6} is parsed, never looked up in DNS); null when it is not one. */
    private static InetAddress ipv6(String text) {
        if (text.indexOf(':') < 0) {
            return null; // without a colon the JDK would take it for a host name
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    /** A block of addresses: a network and the number of leading bits that name it. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("cycube.security.trusted-proxies: '" + text
                        + "' is not an IP address or CIDR block (e.g. 10.0.0.0/8, fd00::/8)");
            }
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("cycube.security.trusted-proxies: '" + text
                        + "' has a prefix length outside 0-" + bits);
            }
            if (prefix == 0) {
                throw new IllegalArgumentException("cycube.security.trusted-proxies: '" + text + "' trusts every "
                        + "address, so any caller could choose the address it is audited under; name the proxies' "
                        + "addresses (e.g. the pod network of the router)");
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = comparable(candidate, network.length);
            if (bytes == null) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }

        /** The candidate's bytes in the family of the block (an IPv4-mapped IPv6 address counts as IPv4), or null. */
        private static byte[] comparable(InetAddress candidate, int length) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length == length) {
                return bytes;
            }
            if (candidate instanceof Inet6Address && length == 4 && isIpv4Mapped(bytes)) {
                return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
            }
            if (candidate instanceof Inet4Address && length == 16) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return null;
        }

        private static boolean isIpv4Mapped(byte[] bytes) {
            for (int i = 0; i < 10; i++) {
                if (bytes[i] != 0) {
                    return false;
                }
            }
            return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
        }
    }
}
