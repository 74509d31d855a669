package io.synapsebridge.connectors.capture;

import io.synapsebridge.connectors.frontier.WriterEndpoint;
import io.synapsebridge.connectors.mapping.Mappers;
import io.synapsebridge.contract.StreamTopics;
import java.time.Duration;

/**
 * Capture in a process of its own, so that a test can kill it without warning. Arguments: postgres port, database,
 * slot, bootstrap servers, topic prefix, and optionally the writer's replication host:port and server name.
 */
public final class CaptureProcess {
    private CaptureProcess() {
    }

    public static void main(String[] args) throws Exception {
        CaptureSettings settings = new CaptureSettings(
                new DatabaseSettings("localhost", Integer.parseInt(args[0]), args[1], "postgres", null),
                args[2], "bridge", args[3], new StreamTopics(args[4]), (short) 1, Duration.ofMillis(5),
                Duration.ofMillis(250));
        WriterEndpoint writer = null;
        if (args.length > 6) {
            String[] hostPort = args[5].split(":");
            writer = new WriterEndpoint(hostPort[0], Integer.parseInt(hostPort[1]), args[6], "capture");
        }
        Capture capture = Capture.start(settings, Mappers.v1_66(), Mappers.STREAMS_V1_66, writer,
                Mappers.ANNOUNCED_V1_66);
        System.out.println("capture started");
        System.out.flush();
        capture.stopped().join();
    }
}
