package org.covseg.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.covseg.CovsegException;

/**
 * The top-level data elements of one DICOM file, read from ImageJ's header dump, with typed access that names the
 * file and the tag in every error. Tags are written as in DICOM, {@code "0020,0032"}.
 *
 * <p>ImageJ marks elements inside undefined-length sequences with '>' and we skip them. Elements inside
 * defined-length sequences are not marked; they come before the top-level element of the same tag when the sequence
 * precedes it (as a Referenced Series Sequence precedes the Series Instance UID), so the last occurrence wins.
 */
final class DicomHeader {

    static final String TRANSFER_SYNTAX = "0002,0010";
    static final String PIXEL_DATA = "7FE0,0010";

    private final Path file;
    private final Map<String, String> values;

    private DicomHeader(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** Parses ImageJ's header dump of {@code file}. */
    static DicomHeader parse(Path file, String imageJInfo) {
        Map<String, String> values = new HashMap<>();
        for (String line : imageJInfo.split("\n")) {
            boolean tagged = line.length() > 11 && line.charAt(4) == ',' && line.charAt(9) == ' ';
            if (!tagged || line.charAt(11) == '>') {
                continue;
            }
            int colon = line.indexOf(':', 11);
            if (colon > 0) {
                values.put(line.substring(0, 9).toUpperCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return new DicomHeader(file, values);
    }

    Path file() {
        return file;
    }

    /** True when ImageJ found no data element at all: the file is not DICOM. */
    boolean isEmpty() {
        return values.isEmpty();
    }

    boolean has(String tag) {
        return values.containsKey(tag);
    }

    /** The element's value, trimmed; empty when absent or blank. */
    Optional<String> text(String tag) {
        return Optional.ofNullable(values.get(tag)).filter(v -> !v.isEmpty());
    }

    String requiredText(String tag, String name) {
        return text(tag).orElseThrow(() -> missing(tag, name));
    }

    /** The backslash-separated numbers of a DS/IS element; exactly {@code count} of them. */
    double[] requiredNumbers(String tag, String name, int count) {
        String text = requiredText(tag, name);
        String[] parts = text.split("\\\\");
        if (parts.length != count) {
            throw invalid(tag, name, text, "expected " + count + " value" + (count == 1 ? "" : "s"));
        }
        double[] out = new double[count];
        for (int n = 0; n < count; n++) {
            try {
                out[n] = Double.parseDouble(parts[n].trim());
            } catch (NumberFormatException e) {
                throw invalid(tag, name, text, "not a number");
            }
            if (!Double.isFinite(out[n])) {
                throw invalid(tag, name, text, "not a finite number");
            }
        }
        return out;
    }

    double requiredNumber(String tag, String name) {
        return requiredNumbers(tag, name, 1)[0];
    }

    /** The number of a single-valued element, or {@code absent} when the element is missing or blank. */
    double number(String tag, String name, double absent) {
        return text(tag).isPresent() ? requiredNumber(tag, name) : absent;
    }

    int requiredInt(String tag, String name) {
        double v = requiredNumber(tag, name);
        if (v != Math.rint(v)) {
            throw invalid(tag, name, requiredText(tag, name), "not an integer");
        }
        return (int) v;
    }

    CovsegException missing(String tag, String name) {
        return new CovsegException(file + ": DICOM file lacks " + name + " (" + tag + "), which covseg needs");
    }

    private CovsegException invalid(String tag, String name, String text, String why) {
        return new CovsegException(file + ": invalid " + name + " (" + tag + ") \"" + text + "\": " + why);
    }
}
