package com.cycube.labs.templates;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.errors.DomainException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LabTemplateRulesTest {

    static LabTemplateDocument template(String image, String type, int port, int defaultMinutes, int maxMinutes) {
        return new LabTemplateDocument("tmpl-x", "X", image, type, LabProtocol.SSH, port, defaultMinutes, maxMinutes,
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void a_template_with_an_ami_an_instance_type_a_port_and_sane_lifetimes_is_valid() {
        assertThatCode(() -> LabTemplateRules.validate(template("ami-0a1b2c3d4e5f60718", "t3.medium", 22, 60, 240)))
                .doesNotThrowAnyException();
        assertThatCode(() -> LabTemplateRules.validate(template("ami-0a1b2c3d", "m5.large", 3389, 5, 5)))
                .doesNotThrowAnyException();
    }

    @Test
    void images_types_ports_and_lifetimes_out_of_range_are_bad_input() {
        assertThatThrownBy(() -> LabTemplateRules.validate(template("kali-latest", "t3.medium", 22, 60, 240))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> LabTemplateRules.validate(template("ami-0a1b2c3d", "big", 22, 60, 240))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> LabTemplateRules.validate(template("ami-0a1b2c3d", "t3.medium", 0, 60, 240))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> LabTemplateRules.validate(template("ami-0a1b2c3d", "t3.medium", 22, 300, 240))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> LabTemplateRules.validate(template("ami-0a1b2c3d", "t3.medium", 22, 4, 240))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> LabTemplateRules.validate(template("ami-0a1b2c3d", "t3.medium", 22, 60, 1441))).isInstanceOf(DomainException.class);
    }
}
