package org.covseg.serve;

import java.io.IOException;
import java.io.InputStream;

/** One file of an upload: the name the client gave and a way to read its bytes once. */
record UploadPart(String filename, Opener content) {

    /** Opens the part's bytes. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }
}
