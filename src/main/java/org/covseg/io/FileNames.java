package org.covseg.io;

import java.util.Locale;

/** What a file's name says: whether it is NIfTI, the name without its ending, and a name safe to write. */
public final class FileNames {

    private FileNames() {
    }

    /** True for {@code .nii} and {@code .nii.gz}, in any case. */
    public static boolean isNifti(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".nii") || lower.endsWith(".nii.gz");
    }

    /** The name without {@code .nii.gz}, or else without its last ending ({@code .nii}, {@code .png}, ...). */
    public static String withoutExtension(String name) {
        if (name.toLowerCase(Locale.ROOT).endsWith(".nii.gz")) {
            return name.substring(0, name.length() - 7);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * The name with every character other than letters, digits, dot, dash and underscore made an underscore, and
     * without leading dots (never hidden, never "." or ".."); empty when nothing is left.
     */
    public static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
    }
}
