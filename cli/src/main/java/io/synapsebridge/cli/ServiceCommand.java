package io.synapsebridge.cli;

import io.synapsebridge.cli.config.BridgeConfig;
import io.synapsebridge.cli.config.ConfigLoader.Option;
import io.synapsebridge.cli.run.Bridge;
import io.synapsebridge.cli.run.Part;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code run}, {@code capture} and {@code serve}: start the part, say where it listens, run until SIGTERM/Ctrl-C
 * (exit 0) or until a part stops on its own (one line, exit 1).
 */
abstract class ServiceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @CommandLine.Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Port of the Prometheus /metrics and /health endpoint (metrics.port, default 9101;"
                    + " 0: any free port).")
    Integer metricsPort;

    abstract Part part();

    /** Options of the subclass, as dotted key → option. */
    Map<String, Option> extraOptions() {
        return Map.of();
    }

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Option> more = new HashMap<>(extraOptions());
        more.put("metrics.port", Option.of("--metrics-port", metricsPort));
        BridgeConfig config = options.load(more);
        PrintWriter out = spec.commandLine().getOut();
        long startedAt = System.nanoTime();
        Bridge bridge = Bridge.start(config, part(), line -> {
            out.println(line);
            out.flush();
        });
        CompletableFuture<Void> stopRequested = new CompletableFuture<>();
        Thread hook = new Thread(() -> {
            out.println("stopping...");
            out.flush();
            stopRequested.complete(null);
            bridge.close();
            out.println("stopped");
            out.flush();
        }, "bridge-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("%s is up in %.1f s; stop with Ctrl-C or SIGTERM%n", spec.name(),
                (System.nanoTime() - startedAt) / 1e9);
        out.flush();
        try {
            CompletableFuture.anyOf(stopRequested, bridge.failure()).get();
            return 0;
        } catch (ExecutionException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + spec.name() + " stopped: " + oneLine(e.getCause()));
            err.flush();
            bridge.close();
            return BridgeCommand.EXIT_FAILURE;
        }
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse("");
    }
}
