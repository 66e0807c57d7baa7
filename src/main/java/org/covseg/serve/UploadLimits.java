package org.covseg.serve;

/**
 * What one upload may hold.
 *
 * @param maxBytes         bytes of the request (all files together)
 * @param maxVoxels        voxels (or pixels) of the study read from it
 * @param maxZipEntries    entries of a zip
 * @param maxUnpackedBytes bytes a zip may unpack to
 * @param maxZipRatio      how many times larger than its compressed size one zip entry may unpack (a zip bomb's
 *                         entries are thousands of times larger)
 */
public record UploadLimits(long maxBytes, long maxVoxels, int maxZipEntries, long maxUnpackedBytes, int maxZipRatio) {

    /** Limits for uploads up to {@code maxBytes}: a zip may unpack to 4 times that, 20,000 entries. */
    static UploadLimits of(long maxBytes, long maxVoxels) {
        return new UploadLimits(maxBytes, maxVoxels, 20_000, Math.multiplyExact(maxBytes, 4), 200);
    }
}
