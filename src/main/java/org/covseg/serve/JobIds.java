package org.covseg.serve;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Job ids: 130 random bits in 26 lower-case base-32 letters, so that nobody can guess another user's job. */
final class JobIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern VALID = Pattern.compile("[a-z2-7]{26}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private JobIds() {
    }

    static String next() {
        char[] id = new char[26];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    static boolean valid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
