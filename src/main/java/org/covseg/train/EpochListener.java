package org.covseg.train;

import java.io.IOException;

/** Something to do after each finished training epoch. */
@FunctionalInterface
public interface EpochListener {

    void epochEnded(int epoch) throws IOException;
}
