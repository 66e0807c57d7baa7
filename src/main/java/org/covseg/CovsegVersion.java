package org.covseg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The covseg version Maven wrote into the jar, e.g. "0.1.0-SNAPSHOT" ("unknown" outside a built jar). */
public final class CovsegVersion {

    private CovsegVersion() {
    }

    public static String number() {
        Properties p = new Properties();
        try (InputStream in = CovsegVersion.class.getResourceAsStream("/org/covseg/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }
}
