package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.io.AtomicFiles;

/**
 * Named arrays in DJL's NDList encoding: a magic, the names, then the arrays as {@link NDList#encode}. Lossless for
 * every data type; readable only by DJL. (The names are stored apart so the arrays' own names are left untouched.)
 */
public final class DjlTensorFile implements TensorFile {

    private static final String MAGIC = "covseg-ndlist-1";

    @Override
    public String extension() {
        return ".ndlist";
    }

    @Override
    public void write(Path file, Map<String, NDArray> arrays) throws IOException {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
            out.writeUTF(MAGIC);
            out.writeInt(arrays.size());
            for (String name : arrays.keySet()) {
                out.writeUTF(name);
            }
            new NDList(arrays.values().toArray(NDArray[]::new)).encode(out);
            out.flush();
        });
    }

    @Override
    public Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
            if (!MAGIC.equals(in.readUTF())) {
                throw new CovsegException(file + " is not a covseg array file");
            }
            int count = in.readInt();
            List<String> names = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                names.add(in.readUTF());
            }
            NDList arrays = NDList.decode(manager, in);
            if (arrays.size() != count) {
                throw new CovsegException(file + " is damaged: " + count + " names but " + arrays.size() + " arrays");
            }
            Map<String, NDArray> named = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                named.put(names.get(i), arrays.get(i));
            }
            return named;
        }
    }
}
