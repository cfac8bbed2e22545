package com.cycube.identity.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.errors.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @Test
    void addresses_are_trimmed_and_lower_cased() {
        assertThat(EmailAddresses.normalize("  Ivy.O'Neil+training@Sub.Acme.TEST ")).isEqualTo("ivy.o'neil+training@sub.acme.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ivy", "ivy@", "@acme.test", "ivy@acme", "ivy@@acme.test", "ivy @acme.test", ".ivy@acme.test",
            "ivy..x@acme.test", "ivy@-acme.test", "ivy@acme.te st"})
    void invalid_addresses_are_bad_user_input(String address) {
        assertThatThrownBy(() -> EmailAddresses.normalize(address)).isInstanceOf(DomainException.class);
    }
}
