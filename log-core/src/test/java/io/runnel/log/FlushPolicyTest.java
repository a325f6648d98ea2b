package io.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlushPolicyTest {

    @Test
    void shouldParseEveryPolicyAndPrintItBack() {
        assertThat(FlushPolicy.parse("always")).isSameAs(FlushPolicy.ALWAYS);
        assertThat(FlushPolicy.parse(" NONE ")).isSameAs(FlushPolicy.NONE);
        assertThat(FlushPolicy.parse("interval:250")).isEqualTo(FlushPolicy.interval(250));
        assertThat(FlushPolicy.interval(250).toString()).isEqualTo("interval:250");
        assertThat(FlushPolicy.ALWAYS.toString()).isEqualTo("always");
    }

    @Test
    void shouldRejectUnknownPoliciesAndNonPositiveIntervals() {
        assertThatThrownBy(() -> FlushPolicy.parse("sometimes")).isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> FlushPolicy.parse("interval:x")).isInstanceOf(InvalidConfigurationException.class);
        assertThatThrownBy(() -> FlushPolicy.interval(0)).isInstanceOf(InvalidConfigurationException.class);
    }
}
