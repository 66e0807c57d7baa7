package org.covseg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class EngineSetupTest {

    @Test
    void setsTheThreadCountAfterTheEngineHasStarted() {
        Engine.getInstance();
        int before = EngineSetup.threads();
        try {
            EngineSetup.threads(1);
            assertThat(EngineSetup.threads()).isEqualTo(1);
        } finally {
            EngineSetup.threads(before);
        }
        assertThat(EngineSetup.threads()).isEqualTo(before);
    }

    @Test
    void theSeedMakesInitialisationRepeatable() {
        try (NDManager manager = NDManager.newBaseManager()) {
            EngineSetup.seed(5);
            float[] first = manager.randomNormal(new Shape(4)).toFloatArray();
            EngineSetup.seed(5);
            assertThat(manager.randomNormal(new Shape(4)).toFloatArray()).containsExactly(first);
        }
    }
}
