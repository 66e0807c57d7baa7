package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Float16Test {

    @Test
    void encodesKnownHalfValues() {
        assertThat(Float16.fromFloat(1.0f)).isEqualTo((short) 0x3C00);
        assertThat(Float16.fromFloat(-2.0f)).isEqualTo((short) 0xC000);
        assertThat(Float16.fromFloat(65504f)).isEqualTo((short) 0x7BFF);
        assertThat(Float16.fromFloat(65520f)).isEqualTo((short) 0x7C00); // halfway to 2^16 rounds to even: infinity
        assertThat(Float16.fromFloat(0x1p-24f)).isEqualTo((short) 0x0001); // smallest subnormal
        assertThat(Float16.fromFloat(0x1p-26f)).isEqualTo((short) 0x0000); // below half of it: zero
        assertThat(Float16.fromFloat(0.1f)).isEqualTo((short) 0x2E66); // 0.0999755859375
        assertThat(Float16.fromFloat(Float.NEGATIVE_INFINITY)).isEqualTo((short) 0xFC00);
        assertThat(Float16.toFloat(Float16.fromFloat(Float.NaN))).isNaN();
        // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to even → 1.0; 1 + 3·2^-11 → 1 + 2^-9
        assertThat(Float16.fromFloat(1 + 0x1p-11f)).isEqualTo((short) 0x3C00);
        assertThat(Float16.fromFloat(1 + 3 * 0x1p-11f)).isEqualTo((short) 0x3C02);
    }

    @Test
    void everyFiniteHalfRoundTripsExactly() {
        for (int bits = 0; bits < 0x10000; bits++) {
            short half = (short) bits;
            float f = Float16.toFloat(half);
            if (!Float.isNaN(f)) {
                assertThat(Float16.fromFloat(f)).as("0x%04x", bits).isEqualTo(half);
            }
        }
    }

    @Test
    void encodesBfloat16() {
        assertThat(Float16.bfloat16FromFloat(1.0f)).isEqualTo((short) 0x3F80);
        assertThat(Float16.bfloat16FromFloat(-3.140625f)).isEqualTo((short) 0xC049);
        // 1 + 2^-8 is halfway between 1 and 1 + 2^-7 in bfloat16: ties to even → 1.0
        assertThat(Float16.bfloat16FromFloat(1 + 0x1p-8f)).isEqualTo((short) 0x3F80);
    }

    @Test
    void halfTensorsReadBackAsTheRoundedValues() {
        SafetensorsTensor t = SafetensorsTensor.ofFloats("w", new long[] {3}, new float[] {1f, 0.1f, -65504f},
                SafetensorsDtype.F16);
        assertThat(t.toFloatArray()).containsExactly(1f, 0.0999755859375f, -65504f);
        SafetensorsTensor b = SafetensorsTensor.ofFloats("w", new long[] {1}, new float[] {-3.140625f},
                SafetensorsDtype.BF16);
        assertThat(b.toFloatArray()).containsExactly(-3.140625f);
    }
}
