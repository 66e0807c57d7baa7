package org.covseg.serve;

/** A request the API refuses: the HTTP status and the one line the client is told. */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException notFound(String id) {
        return new ApiException(404, "no job " + id);
    }
}
