package org.covseg.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.covseg.CovsegException;

/**
 * One JSON object of an experiment config, read with typed accessors whose errors name the file and the place
 * ({@code config exp.json: cell 'a': epochs must be a whole number, got "3"}).
 */
final class ConfigNode {

    private final ObjectNode node;
    private final String where;

    ConfigNode(JsonNode node, String where) {
        if (!(node instanceof ObjectNode object)) {
            throw new CovsegException(where + " must be a JSON object {...}");
        }
        this.node = object;
        this.where = where;
    }

    ObjectNode json() {
        return node;
    }

    String where() {
        return where;
    }

    /** Refuses any key not in {@code known} (a misspelt key would otherwise be silently ignored). */
    ConfigNode allowOnly(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw error("unknown key \"" + key + "\" (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return node.hasNonNull(key);
    }

    String text(String key) {
        JsonNode value = required(key);
        if (!value.isTextual()) {
            throw error(key + " must be a string, got " + value);
        }
        return value.asText();
    }

    int whole(String key) {
        JsonNode value = required(key);
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw error(key + " must be a whole number, got " + value);
        }
        return value.asInt();
    }

    boolean flag(String key) {
        JsonNode value = required(key);
        if (!value.isBoolean()) {
            throw error(key + " must be true or false, got " + value);
        }
        return value.asBoolean();
    }

    double number(String key) {
        JsonNode value = required(key);
        if (!value.isNumber()) {
            throw error(key + " must be a number, got " + value);
        }
        return value.asDouble();
    }

    List<Double> numbers(String key) {
        List<Double> values = new ArrayList<>();
        for (JsonNode item : array(key)) {
            if (!item.isNumber()) {
                throw error(key + " must be a list of numbers, got " + required(key));
            }
            values.add(item.asDouble());
        }
        return values;
    }

    /** A list of strings; a single string counts as a list of one. */
    List<String> texts(String key) {
        JsonNode value = required(key);
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : array(key)) {
            if (!item.isTextual()) {
                throw error(key + " must be a list of strings, got " + value);
            }
            values.add(item.asText());
        }
        return values;
    }

    ConfigNode object(String key, String place) {
        return new ConfigNode(required(key), where + ": " + place);
    }

    CovsegException error(String message) {
        return new CovsegException(where + ": " + message);
    }

    private JsonNode array(String key) {
        JsonNode value = required(key);
        if (!value.isArray()) {
            throw error(key + " must be a list [...], got " + value);
        }
        return value;
    }

    private JsonNode required(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw error("\"" + key + "\" is missing");
        }
        return value;
    }
}
