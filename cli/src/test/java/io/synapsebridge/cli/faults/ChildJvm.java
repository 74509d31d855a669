package io.synapsebridge.cli.faults;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A Java main on this test's class path in a process of its own, so that it can be killed without warning. Its
 * output goes to a log; {@link #ready()} completes when it prints a line starting with the ready prefix, and fails
 * if it exits first.
 */
final class ChildJvm {
    private final Process process;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private ChildJvm(Process process) {
        this.process = process;
    }

    static ChildJvm start(String heap, Class<?> main, List<String> args, Map<String, String> env, String readyPrefix,
                          PrintStream log, String name) {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("SKB_"));
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
        ChildJvm child = new ChildJvm(process);
        Thread pump = new Thread(() -> child.pump(readyPrefix, log, name), name + "-output");
        pump.setDaemon(true);
        pump.start();
        return child;
    }

    private void pump(String readyPrefix, PrintStream log, String name) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                log.println("[" + name + " " + process.pid() + "] " + line);
                if (line.startsWith(readyPrefix)) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            // Killed: the pipe closed under the reader.
        }
        ready.completeExceptionally(new IllegalStateException(name + " exited before it was ready"));
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Completes with the exit status once the process has ended, killed or not. */
    CompletableFuture<Integer> exited() {
        return process.onExit().thenApply(Process::exitValue);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }
}
