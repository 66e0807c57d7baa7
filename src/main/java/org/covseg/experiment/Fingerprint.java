package org.covseg.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.covseg.CovsegException;
import org.covseg.io.AtomicFiles;

/**
 * The recipe a folder of results was made with, kept as JSON in the folder: written on the first run, compared on
 * every later one, so that results made with other settings are never mixed with new ones. The thread count is
 * recorded but not compared, so a grid can be continued with more or fewer threads.
 */
final class Fingerprint {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int SHOWN = 60;
    /** Recorded, but not compared: how much compute a run used does not change what it computes. */
    private static final Set<String> NOT_COMPARED = Set.of("threads");

    private Fingerprint() {
    }

    /** Records {@code recipe} in {@code file}, or checks that it is the one recorded there. */
    static void check(Path file, JsonNode recipe, String what) throws IOException {
        check(file, recipe, null, what);
    }

    /**
     * As {@link #check(Path, JsonNode, String)}, where a key the record lacks counts as unchanged if the recipe has
     * its value from {@code defaults} (same structure as the recipe): a record made before that key existed.
     */
    static void check(Path file, JsonNode recipe, JsonNode defaults, String what) throws IOException {
        if (!Files.exists(file)) {
            AtomicFiles.writeString(file, JSON.writeValueAsString(recipe) + "\n");
            return;
        }
        JsonNode recorded;
        try {
            recorded = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new CovsegException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> changes = differences("", recorded, recipe, defaults);
        if (!changes.isEmpty()) {
            throw new CovsegException(what + " in " + file.getParent() + " was made with other settings ("
                    + String.join("; ", changes) + "); use another --out, or delete that folder to redo it");
        }
    }

    static JsonNode json(Object value) {
        return JSON.valueToTree(value);
    }

    private static List<String> differences(String path, JsonNode before, JsonNode now, JsonNode defaults) {
        List<String> changes = new ArrayList<>();
        if (before == null && defaults != null && (defaults.equals(now) || sameNumber(defaults, now))) {
            return changes;
        }
        if (before != null && now != null && before.isObject() && now.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            for (Iterator<String> it = now.fieldNames(); it.hasNext(); ) {
                keys.add(it.next());
            }
            keys.removeAll(NOT_COMPARED);
            for (String key : keys) {
                changes.addAll(differences(path.isEmpty() ? key : path + "." + key, before.get(key), now.get(key),
                        defaults == null ? null : defaults.get(key)));
            }
        } else if (before == null || !(before.equals(now) || sameNumber(before, now))) {
            changes.add(path + ": " + shown(before) + " → " + shown(now));
        }
        return changes;
    }

    private static boolean sameNumber(JsonNode a, JsonNode b) {
        return b != null && a.isNumber() && b.isNumber() && a.asDouble() == b.asDouble();
    }

    private static String shown(JsonNode value) {
        String text = value == null ? "none" : value.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
