package io.synapsebridge.adapter.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ThrottledWarningTest {
    private final Logger log = (Logger) LoggerFactory.getLogger("throttled-warning-test");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        log.addAppender(logged);
    }

    @Test
    void aFloodLogsOnceInAnInterval() {
        ThrottledWarning warning = new ThrottledWarning(log, Duration.ofHours(1));
        for (int i = 0; i < 1000; i++) {
            warning.warn("refusing {}", i);
        }
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("refusing 0");
    }

    @Test
    void theNextWarningSaysHowManyWereLeftOut() {
        ThrottledWarning warning = new ThrottledWarning(log, Duration.ofMillis(1));
        warning.warn("refusing {}", "a");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int calls = 1;
        while (logged.list.size() < 2 && System.nanoTime() < deadline) {
            warning.warn("refusing {}", "b");
            calls++;
        }
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("refusing a",
                "refusing b (and " + (calls - 2) + " more like it since the last such warning)");
    }
}
