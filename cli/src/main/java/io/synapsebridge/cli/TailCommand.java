package io.synapsebridge.cli;

import io.synapsebridge.cli.config.BridgeConfig;
import io.synapsebridge.cli.config.ConfigException;
import io.synapsebridge.cli.inspect.StreamPrinter;
import io.synapsebridge.cli.inspect.StreamTailer;
import io.synapsebridge.protocol.command.Dialect;
import io.synapsebridge.protocol.rows.StreamCatalog;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tail}: one stream topic as replication lines. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {
            "Prints a stream topic as the replication lines a worker would get (RDATA in the emulated "
                + "Synapse version's row layout, POSITION when a frontier moved without rows), one per record, "
                + "each row with its own token.",
            "Lines go to stdout, progress to stderr."})
final class TailCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The stream, e.g. events, receipts, typing.")
    String stream;

    @Option(names = "--from", paramLabel = "TOKEN",
            description = "Start after this token of the writer given by --instance (default 0: from the oldest"
                    + " record Kafka holds).")
    long from;

    @Option(names = "--instance", paramLabel = "NAME",
            description = "The writer whose token --from is (default master, Synapse's main process).")
    String instance = Dialect.MAIN_PROCESS_INSTANCE;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Stop after N records (default 0: no limit).")
    long limit;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new records until Ctrl-C.")
    boolean follow;

    @Override
    public Integer call() {
        BridgeConfig config = options.load(Map.of());
        if (config.kafka().bootstrapServers() == null) {
            throw new ConfigException("kafka.bootstrap_servers: required (host:port[,host:port...])");
        }
        if (from < 0 || limit < 0) {
            throw new ConfigException("--from and --limit: expected 0 or more");
        }
        StreamCatalog catalog = config.synapse().synapseVersion().catalog();
        if (!catalog.has(stream)) {
            throw new ConfigException("stream '" + stream + "' is not one of Synapse " + config.synapse().version()
                    + "'s: " + String.join(", ", catalog.streams()));
        }
        String topic = config.kafka().topics().stream(stream);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StreamPrinter printer = new StreamPrinter(catalog, config.synapse().lineDialect());
        long n = new StreamTailer(config.kafka().bootstrapServers(), config.kafka().connectTimeout()).tail(topic,
                stream, instance, from, limit, follow, record -> {
                    String line = printer.line(record);
                    if (line != null) {
                        out.println(line);
                        out.flush();
                    }
                }, (offset, end) -> {
                    err.println("reading " + topic + " from offset " + offset + " (" + Math.max(0, end - offset)
                            + " records to its end" + (follow ? ", then following)" : ")"));
                    err.flush();
                });
        err.println(n + " records");
        err.flush();
        return 0;
    }
}
