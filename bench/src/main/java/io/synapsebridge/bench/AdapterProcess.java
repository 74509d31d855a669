package io.synapsebridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The harness's handle on the adapter's JVM ({@link AdapterMain}): start, ask for its memory report, stop. */
final class AdapterProcess implements AutoCloseable {
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int port;

    private AdapterProcess(Process process, Duration startTimeout) throws IOException, InterruptedException {
        this.process = process;
        this.commands = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "adapter-stdout");
        reader.setDaemon(true);
        reader.start();
        String ready = awaitLine(AdapterMain.READY, startTimeout);
        this.port = Integer.parseInt(ready.substring(AdapterMain.READY.length()).trim());
    }

    /** Starts the adapter with {@code heap} as its -Xmx, on the harness's own class path; stderr is shared. */
    static AdapterProcess start(String heap, String bootstrapServers, String prefix, int maxPending)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx" + heap, "-cp",
                System.getProperty("java.class.path"), AdapterMain.class.getName(), bootstrapServers, prefix,
                Integer.toString(maxPending)))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        try {
            return new AdapterProcess(process, Duration.ofSeconds(120));
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** CPU time the adapter's process has used so far (all its threads, user and system). */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The adapter's {@link HeapWatch} report, without its prefix. */
    String memoryReport() throws IOException, InterruptedException {
        send(AdapterMain.MEMORY_REQUEST);
        return awaitLine(HeapWatch.PREFIX, Duration.ofSeconds(30)).substring(HeapWatch.PREFIX.length());
    }

    private void send(String command) throws IOException {
        commands.write(command + "\n");
        commands.flush();
    }

    private String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException(process.isAlive()
                        ? "the adapter did not say '" + prefix.trim() + "' within " + timeout.toSeconds() + " s"
                        : "the adapter exited with code " + process.exitValue());
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    private void readOutput() {
        try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // The process is gone; awaitLine reports how.
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            send(AdapterMain.STOP);
        } catch (IOException e) {
            // Already gone.
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
