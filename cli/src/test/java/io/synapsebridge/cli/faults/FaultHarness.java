package io.synapsebridge.cli.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bridge under faults at scale, a harness rather than a default test (the {@code benchmark} tag is excluded by
 * default; the command is in README.md). Sizes from system properties: {@code faults.rows} (100,000),
 * {@code faults.kills} per part (20), {@code faults.workers} (3), {@code faults.rate} writes/s (400),
 * {@code faults.seed}, {@code faults.gap.ms} (the longest random wait before a fault, 4,000). Prints rows, kills
 * per part, lost, duplicated and the time, and fails on any lost or duplicated row.
 */
@Tag("benchmark")
class FaultHarness {

    @Test
    void bridgeUnderFaults() throws Exception {
        FaultRun.Settings settings = new FaultRun.Settings(
                Long.getLong("faults.rows", 100_000),
                Integer.getInteger("faults.kills", 20),
                Integer.getInteger("faults.workers", 3),
                Double.parseDouble(System.getProperty("faults.rate", "400")),
                Long.getLong("faults.seed", System.nanoTime()),
                Duration.ofMillis(Long.getLong("faults.gap.ms", 4000)),
                Duration.ofMinutes(10));
        System.out.println("fault harness: " + settings);
        FaultRun.Report report = FaultRun.run(settings, Path.of("target", "faults", "harness.log"),
                System.out::println);
        System.out.print(report.summary());
        assertThat(report.problems()).isEmpty();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
    }
}
