package org.covseg.io;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the sharp reconstruction kernels, made for lung (and bone) detail, from standard and soft-tissue ones, by
 * the names the main CT makers give them in Convolution Kernel (0018,1210).
 */
final class ConvolutionKernels {

    /** GE names (LUNG, BONE, BONEPLUS, EDGE) and generic ones. */
    private static final Set<String> SHARP_WORDS = Set.of("LUNG", "BONE", "EDGE", "SHARP");
    /** Philips: L (lung), YA and YB (lung enhanced). */
    private static final Set<String> PHILIPS_LUNG = Set.of("L", "YA", "YB");
    /** Siemens: B/I/Br/Bl followed by the sharpness, B60f-B80f, I70f, Br64 and sharper; Bl is the lung family. */
    private static final Pattern SIEMENS = Pattern.compile("([BI])([RL]?)(\\d{2}).*");
    private static final int SIEMENS_SHARP_FROM = 60;
    /** Canon/Toshiba: FC50-FC59 are the lung kernels. */
    private static final Pattern CANON_LUNG = Pattern.compile("FC5\\d.*");

    private ConvolutionKernels() {
    }

    /** True for a lung or otherwise sharp kernel; false for standard, soft and unknown ones (and none). */
    static boolean isSharp(String kernel) {
        // Siemens writes e.g. "Br64\3" (kernel and strength): the first value names the kernel.
        String name = kernel.split("\\\\", 2)[0].trim().toUpperCase(Locale.ROOT);
        if (SHARP_WORDS.stream().anyMatch(name::contains) || PHILIPS_LUNG.contains(name)
                || CANON_LUNG.matcher(name).matches()) {
            return true;
        }
        Matcher siemens = SIEMENS.matcher(name);
        return siemens.matches()
                && (siemens.group(2).equals("L") || Integer.parseInt(siemens.group(3)) >= SIEMENS_SHARP_FROM);
    }
}
