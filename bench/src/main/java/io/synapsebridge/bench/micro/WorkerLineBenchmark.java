package io.synapsebridge.bench.micro;

import io.synapsebridge.protocol.command.Command;
import io.synapsebridge.protocol.command.Dialect;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing a line a worker sends. USER_IP is the busiest of them: a worker sends one per client request it serves
 * (rate-limited per user and device), with the JSON payload re-validated on the server's event loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WorkerLineBenchmark {
    private static final String USER_IP = "USER_IP @user4711:matrix.example.org "
            + "[\"syt_dXNlcjQ3MTE_kTzQvbWpXeLmNcRsYaHd_2pUq9B\",\"203.0.113.57\","
            + "\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Element/1.11.85 "
            + "Chrome/126.0.6478.234 Electron/31.7.2 Safari/537.36\",\"KXWQMZPFEA\",1732275301447]";

    private final Dialect dialect = Dialect.V1_22;

    @Benchmark
    public Command userIp() {
        return dialect.parseFromClient(USER_IP);
    }
}
