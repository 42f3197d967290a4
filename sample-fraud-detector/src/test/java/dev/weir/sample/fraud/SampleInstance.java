package dev.weir.sample.fraud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.weir.test.ChildJvm;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One instance of the sample application in a child JVM, on the test's broker, with its own
 * state directory and HTTP port (kept across a restart), for tests that kill instances.
 */
final class SampleInstance implements AutoCloseable {

    /** Instance logs stay in the build directory, for reading after a failed run. */
    private static final Path LOGS = Path.of("target", "instance-logs");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final List<String> args;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private ChildJvm jvm;
    private int starts;

    private SampleInstance(String name, List<String> args, int port) {
        this.name = name;
        this.args = args;
        this.port = port;
    }

    /** Starts instance {@code name} with {@code properties} (as {@code --key=value}) and waits until it runs. */
    static SampleInstance start(String name, String bootstrapServers, Path stateDir, List<String> properties) {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--server.port=" + port,
                "--weir.state-dir=" + stateDir,
                "--weir.query.advertised-host=127.0.0.1",
                "--weir.state.memory=64MB",
                "--weir.kafka.consumer.session.timeout.ms=6000",
                "--weir.kafka.consumer.heartbeat.interval.ms=1000",
                "--spring.main.banner-mode=off"));
        args.addAll(properties);
        SampleInstance instance = new SampleInstance(name, List.copyOf(args), port);
        instance.start();
        return instance;
    }

    /** Starts the instance again, after a kill, with the same state directory and port. */
    void start() {
        starts++;
        jvm = ChildJvm.builder(FraudDetectorApplication.class.getName())
                .args(args.toArray(String[]::new))
                .jvmOption("-Xmx384m")
                .jvmOption("-XX:+UseSerialGC")
                .logFile(LOGS.resolve("fraud-detector-" + name + "-" + starts + ".log"))
                .start();
        jvm.awaitLogLine("Started FraudDetectorApplication", Duration.ofSeconds(120));
    }

    /** Kills the instance with SIGKILL. */
    void kill() {
        jvm.kill();
    }

    /** GETs {@code path} from the instance and reads the JSON answer. */
    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** POSTs to {@code path} on the instance and reads the JSON answer. */
    JsonNode post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The tasks the instance runs now, from its actuator. */
    List<String> tasks() {
        List<String> tasks = new ArrayList<>();
        get("/actuator/weir").path("workers").forEach(w -> w.path("tasks").forEach(t -> tasks.add(t.path("id").asString())));
        return tasks;
    }

    String instanceId() {
        return get("/actuator/weir").path("instance").asString();
    }

    private JsonNode send(HttpRequest request) {
        try {
            return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (jvm != null) {
            jvm.close();
        }
    }
}
