package org.covseg.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A client of a running covseg server, as a lab's pipeline would call it (java.net.http, multipart by hand). */
final class ApiClient {

    /** A response: status, body, and the headers a test looks at. */
    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    ApiClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    ApiClient withToken(String other) {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), other);
    }

    Reply get(String path) {
        return send(request(path).GET().build());
    }

    byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError(path + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    Reply delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** Uploads files (the form field {@code files}) with option fields. */
    Reply upload(List<Path> files, Map<String, String> fields) {
        return upload(files, fields, Map.of());
    }

    /** Uploads files with option fields and single files under other fields (masks). */
    Reply upload(List<Path> files, Map<String, String> fields, Map<String, Path> others) {
        String boundary = "covseg-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                        + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Path file : files) {
                part(body, boundary, "files", file);
            }
            for (Map.Entry<String, Path> o : others.entrySet()) {
                part(body, boundary, o.getKey(), o.getValue());
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return send(request("/api/v1/jobs").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static void part(ByteArrayOutputStream body, String boundary, String field, Path file) throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Announces an upload of {@code bytes} and sends only its headers, as a client whose upload the server refuses
     * at once: returns the status line and body the server answers before any of the body arrived.
     */
    Reply announceUpload(long bytes) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/v1/jobs HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: " + bytes + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            Matcher length = Pattern.compile("(?i)content-length: *(\\d+)")
                    .matcher(head);
            byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
            return new Reply(Integer.parseInt(head.substring(9, 12)), new String(body, StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Polls a job until it is done or failed (at most {@code seconds}) and returns its last view. */
    JsonNode awaitFinal(String id, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            JsonNode job = get("/api/v1/jobs/" + id).json();
            String state = job.path("state").asText();
            if (state.equals("done") || state.equals("failed")) {
                return job;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + id + " did not finish in " + seconds + " s");
    }

    /** Reads a job's event stream to its end and returns the events' data lines. */
    List<String> events(String id) {
        HttpRequest r = request("/api/v1/jobs/" + id + "/events").header("Accept", "text/event-stream").GET()
                .timeout(Duration.ofSeconds(120)).build();
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofLines()).body().filter(l -> l.startsWith("data: "))
                    .map(l -> l.substring("data: ".length())).toList();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest r) {
        try {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
