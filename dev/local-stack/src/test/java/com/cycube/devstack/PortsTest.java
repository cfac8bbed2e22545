package com.cycube.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void free_ports_are_distinct_and_bindable() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ports.add(Ports.freePort());
        }
        assertThat(ports).hasSize(20);
        int port = ports.iterator().next();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void a_port_something_listens_on_is_not_free() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            assertThat(Ports.isFree(socket.getLocalPort())).isFalse();
        }
    }
}
