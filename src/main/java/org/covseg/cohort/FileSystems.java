package org.covseg.cohort;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** The Hadoop file system of a path; for local paths the raw one, which writes no .crc files beside each file. */
final class FileSystems {

    private FileSystems() {
    }

    static FileSystem of(Path p) throws IOException {
        Configuration conf = new Configuration();
        return isLocal(p) ? FileSystem.getLocal(conf).getRaw() : p.getFileSystem(conf);
    }

    /** True for a plain path or a {@code file:} URI. */
    static boolean isLocal(Path p) {
        String scheme = p.toUri().getScheme();
        return scheme == null || scheme.equals("file");
    }
}
