package org.covseg.engine;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Puts the test JVM in the self-checked numerics mode before any test runs, as the CLI does before any network:
 * tests make engine arrays directly, and on a CPU whose default kernels compute wrong they would otherwise fail.
 */
public final class NumericsSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Numerics.ensure();
    }
}
