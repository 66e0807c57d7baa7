package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NiftiDatatypeTest {

    @Test
    void looksUpByCodeAndByName() {
        assertThat(NiftiDatatype.ofCode(4)).contains(NiftiDatatype.INT16);
        assertThat(NiftiDatatype.ofCode(128)).isEmpty();
        assertThat(NiftiDatatype.ofName(" UInt8")).contains(NiftiDatatype.UINT8);
        assertThat(NiftiDatatype.ofName("float32").orElseThrow().bytesPerVoxel()).isEqualTo(4);
        assertThat(NiftiDatatype.ofName("rgb24")).isEmpty();
    }
}
