package com.cycube.support.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which address a request is audited under: the connection's, unless a trusted proxy (in production the router, in
 * front of it the ingress) says who the client was in X-Forwarded-For — read from the right, stopping at the first
 * address no trusted proxy vouches for.
 */
class ClientAddressesTest {

    /** The router's pods, as production configures them. */
    private static final ClientAddresses BEHIND_THE_ROUTER = new ClientAddresses(List.of("10.42.0.0/16", "fd00:42::/64"));
    private static final String ROUTER = "10.42.3.7";
    private static final String ROUTER_V6 = "fd00:42::7";

    @Test
    void without_trusted_proxies_the_client_is_the_connection_whatever_x_forwarded_for_says() {
        assertThat(ClientAddresses.PEER_ONLY.of(ip(ROUTER), List.of("203.0.113.66"))).isEqualTo(ROUTER);
        assertThat(new ClientAddresses(List.of()).of(ip("198.51.100.9"), List.of("203.0.113.66"))).isEqualTo("198.51.100.9");
    }

    @Test
    void a_connection_from_an_untrusted_address_is_its_own_client_even_with_a_forged_x_forwarded_for() {
        assertThat(BEHIND_THE_ROUTER.of(ip("198.51.100.9"), List.of("203.0.113.66"))).isEqualTo("198.51.100.9");
        assertThat(BEHIND_THE_ROUTER.of(ip("10.43.0.1"), List.of("203.0.113.66, 10.42.3.7"))).isEqualTo("10.43.0.1");
    }

    @Test
    void from_a_trusted_proxy_the_client_is_the_right_most_entry_and_what_the_client_wrote_before_it_is_ignored() {
        assertThat(BEHIND_THE_ROUTER.of(ip(ROUTER), List.of("192.0.2.44"))).isEqualTo("192.0.2.44");
        // the client sent "203.0.113.66" itself; the ingress appended the address it saw
        assertThat(BEHIND_THE_ROUTER.of(ip(ROUTER), List.of("203.0.113.66, 192.0.2.44"))).isEqualTo("192.0.2.44");
    }

    @Test
    void trusted_hops_at_the_right_end_are_skipped_until_the_first_untrusted_address() {
        assertThat(BEHIND_THE_ROUTER.of(ip(ROUTER), List.of("203.0.113.66, 192.0.2.44, 10.42.9.9, 10.42.1.1")))
                .isEqualTo("192.0.2.44");
    }

    @Test
    void several_header_lines_are_one_list_in_order() {
        assertThat(BEHIND_THE_ROUTER.of(ip(ROUTER), List.of("203.0.113.66", "192.0.2.44", "10.42.1.1")))
                .isEqualTo("192.0.2.44");
    }

    @Test
    void when_every_entry_is_a_trusted_proxy_the_left_most_is_the_client() {
        assertThat(BEHIND_THE_ROUTER.of(ip(ROUTER), List.of("10.42.5.5, 10.42.1.1"))).isEqualTo("10.42.5.5");
    }

    @Test
    void an_entry_that_is_not_an_ip_address_makes_the_connection_the_client() {
        for (String garbage : List.of("unknown", "client.example.com", "_hidden", "1.2.3", "256.1.1.1", "01.2.3.4",
                "192.0.2.44 extra", "", "  ", "[not-v6]", "::g", "<script>", "1.2.3.4/8", "2001:db8::1%eth0")) {
            assertThat(BEHIND_THE_ROUTER.of(ip(ROUTER), List.of("203.0.113.66, " + garbage)))
                    .as("X-Forwarded-For ending in '%s'", garbage).isEqualTo(ROUTER);
        }
    }

    @Test
    void garbage_left_of_the_client_is_never_read() {
        assertThat(BEHIND_THE_ROUTER.of(ip(ROUTER), List.of("not an address, 192.0.2.44"))).isEqualTo("192.0.2.44");
    }

    @Test
    void an_empty_or_missing_header_from_a_trusted_proxy_leaves_the_connection_as_the_client() {
        assertThat(BEHIND_THE_ROUTER.of(ip(ROUTER), List.of())).isEqualTo(ROUTER);
        assertThat(BEHIND_THE_ROUTER.of(ip(ROUTER), (List<String>) null)).isEqualTo(ROUTER);
    }

    @Test
    void ipv6_clients_and_proxies_are_understood_with_or_without_brackets_and_ports() {
        assertThat(BEHIND_THE_ROUTER.of(ip(ROUTER_V6), List.of("2001:db8::44"))).isEqualTo("2001:db8:0:0:0:0:0:44");
        assertThat(BEHIND_THE_ROUTER.of(ip(ROUTER_V6), List.of("[2001:db8::44]:51234, fd00:42::9")))
                .isEqualTo("2001:db8:0:0:0:0:0:44");
        assertThat(BEHIND_THE_ROUTER.of(ip(ROUTER), List.of("192.0.2.44:51234"))).isEqualTo("192.0.2.44");
        assertThat(BEHIND_THE_ROUTER.of(ip("2001:db8::99"), List.of("192.0.2.44"))).isEqualTo("2001:db8:0:0:0:0:0:99");
    }

    @Test
    void an_ipv4_address_mapped_into_ipv6_counts_as_the_ipv4_address() {
        assertThat(BEHIND_THE_ROUTER.of(ip("::ffff:10.42.3.7"), List.of("192.0.2.44"))).isEqualTo("192.0.2.44");
    }

    @Test
    void a_single_address_is_a_block_of_one() {
        ClientAddresses oneProxy = new ClientAddresses(List.of("10.42.3.7", "::1"));

        assertThat(oneProxy.of(ip(ROUTER), List.of("192.0.2.44"))).isEqualTo("192.0.2.44");
        assertThat(oneProxy.of(ip("10.42.3.8"), List.of("192.0.2.44"))).isEqualTo("10.42.3.8");
        assertThat(oneProxy.of(ip("::1"), List.of("192.0.2.44"))).isEqualTo("192.0.2.44");
    }

    @Test
    void prefixes_that_do_not_end_on_a_byte_boundary_match_exactly_their_block() {
        ClientAddresses block = new ClientAddresses(List.of("10.42.0.0/20")); // 10.42.0.0 - 10.42.15.255

        assertThat(block.of(ip("10.42.15.255"), List.of("192.0.2.44"))).isEqualTo("192.0.2.44");
        assertThat(block.of(ip("10.42.16.0"), List.of("192.0.2.44"))).isEqualTo("10.42.16.0");
    }

    @Test
    void trusting_every_address_is_refused_at_start() {
        for (String everyone : List.of("0.0.0.0/0", "::/0")) {
            assertThatThrownBy(() -> new ClientAddresses(List.of(everyone)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trusts every address");
        }
    }

    @Test
    void a_trusted_proxy_that_is_not_a_cidr_block_of_ip_literals_is_refused_at_start() {
        for (String invalid : List.of("router.cycube.svc", "10.0.0.0/33", "fd00::/129", "10.0.0.0/x", "10.0.0/8")) {
            assertThatThrownBy(() -> new ClientAddresses(List.of(invalid)))
                    .as(invalid).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(invalid);
        }
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
