package org.covseg.serve;

import java.nio.file.Path;
import org.covseg.CovsegException;

/**
 * How a server runs.
 *
 * @param bind          address to listen on (127.0.0.1 unless told otherwise)
 * @param port          port, 0 for any free one
 * @param dataDir       jobs, their files, the database and the token
 * @param token         the access token, or null to read or make the data folder's
 * @param workers       studies analysed at once
 * @param queueCapacity studies that may wait beyond those
 * @param limits        what one upload may hold
 */
public record ServerSettings(String bind, int port, Path dataDir, String token, int workers, int queueCapacity,
                             UploadLimits limits) {

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new CovsegException("--port must lie in 0..65535, got " + port);
        }
        if (workers < 1 || queueCapacity < 0) {
            throw new CovsegException("--workers must be at least 1 and --queue at least 0");
        }
    }

    /** Settings with the usual upload limits: {@code maxUploadBytes} per upload, {@code maxVoxels} per study. */
    public static ServerSettings of(String bind, int port, Path dataDir, String token, int workers, int queueCapacity,
            long maxUploadBytes, long maxVoxels) {
        if (maxUploadBytes < 1 || maxVoxels < 1) {
            throw new CovsegException("--max-upload-mb and --max-voxels must be positive");
        }
        return new ServerSettings(bind, port, dataDir, token, workers, queueCapacity,
                UploadLimits.of(maxUploadBytes, maxVoxels));
    }
}
