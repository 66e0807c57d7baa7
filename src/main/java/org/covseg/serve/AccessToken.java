package org.covseg.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.covseg.CovsegException;

/**
 * The secret every API call must carry. Given by the user, or read from the data folder's {@value #FILE}, or made
 * on first start and kept there readable by its owner only.
 *
 * @param value     the token
 * @param generated true when this start made it (the server prints it once)
 */
record AccessToken(String value, boolean generated) {

    static final String FILE = "token";
    private static final int MIN_LENGTH = 16;

    static AccessToken resolve(String given, Path dataDir) {
        if (given != null) {
            if (given.strip().length() < MIN_LENGTH) {
                throw new CovsegException("--token must be at least " + MIN_LENGTH + " characters");
            }
            return new AccessToken(given.strip(), false);
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (kept.length() < MIN_LENGTH) {
                    throw new CovsegException(file + " holds no usable token; remove it to get a new one");
                }
                return new AccessToken(kept, false);
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String made = HexFormat.of().formatHex(bytes);
            writeOwnerOnly(file, made + "\n");
            return new AccessToken(made, true);
        } catch (IOException e) {
            throw new CovsegException("cannot read or write the token file " + file + ": " + e.getMessage(), e);
        }
    }

    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** createTempFile makes an owner-only file, so the token is never readable by others, even for a moment. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".token.", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
