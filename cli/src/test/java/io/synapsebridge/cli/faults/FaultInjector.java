package io.synapsebridge.cli.faults;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Kills the parts of a {@link FaultStack} with SIGKILL at random moments, in random order, each one a given number
 * of times, and in between drops a worker's connection or pauses a worker. Before each fault every part is up
 * again, so that each kill hits a running system rather than one still recovering from the last.
 */
final class FaultInjector {
    enum Fault { CAPTURE, SERVE, KAFKA, POSTGRES, DROP_CLIENT, PAUSE_CLIENT }

    private static final Duration PAUSE = Duration.ofSeconds(3);

    private final FaultStack stack;
    private final List<ResumingWorker> workers;
    private final Random random;
    private final Duration maxGap;
    private final Consumer<String> progress;
    private final Map<Fault, Integer> done = new EnumMap<>(Fault.class);

    FaultInjector(FaultStack stack, List<ResumingWorker> workers, long seed, Duration maxGap,
                  Consumer<String> progress) {
        this.stack = stack;
        this.workers = workers;
        this.random = new Random(seed);
        this.maxGap = maxGap;
        this.progress = progress;
        for (Fault f : Fault.values()) {
            done.put(f, 0);
        }
    }

    /** Injects {@code kills} kills of each part, as many dropped connections and as many pauses, in random order. */
    void run(int kills) {
        List<Fault> plan = new ArrayList<>();
        for (int i = 0; i < kills; i++) {
            plan.addAll(List.of(Fault.values()));
        }
        Collections.shuffle(plan, random);
        for (Fault fault : plan) {
            awaitAllUp();
            // A random moment: this wait is the fault schedule, not synchronisation.
            LockSupport.parkNanos((long) (random.nextDouble() * maxGap.toNanos()));
            inject(fault);
        }
        awaitAllUp();
    }

    private void inject(Fault fault) {
        long at = System.nanoTime();
        switch (fault) {
            case CAPTURE -> stack.capture().kill();
            case SERVE -> stack.serve().kill();
            case KAFKA -> stack.kafka().kill();
            case POSTGRES -> stack.postgres().killAndRestart();
            case DROP_CLIENT -> workers.get(random.nextInt(workers.size())).drop();
            case PAUSE_CLIENT -> workers.get(random.nextInt(workers.size())).pause(PAUSE);
        }
        done.merge(fault, 1, Integer::sum);
        progress.accept(String.format("%s fault %-12s #%d (%d ms)", LocalTime.now().withNano(0),
                fault.name().toLowerCase(), done.get(fault), (System.nanoTime() - at) / 1_000_000));
    }

    private void awaitAllUp() {
        for (Supervised part : List.of(stack.kafka(), stack.capture(), stack.serve())) {
            FaultStack.awaitUp(part);
        }
    }

    /** How many faults of each kind were injected. */
    Map<Fault, Integer> done() {
        return Map.copyOf(done);
    }
}
