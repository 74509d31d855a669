package io.synapsebridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.synapsebridge.cli.config.BridgeConfig;
import io.synapsebridge.cli.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** What operators read matches what the program does: help, README, shipped configurations, dashboard. */
class DocumentationTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String readme() throws Exception {
        return Files.readString(ROOT.resolve("README.md"));
    }

    private static List<String> yamlBlocks(String markdown) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everySubcommandsHelpAndTheReadmeDescribeEveryOption() throws Exception {
        String readme = readme();
        Map<String, CommandLine> subcommands = BridgeCommand.commandLine().getSubcommands();
        assertThat(subcommands.keySet()).contains("dev", "run", "capture", "serve", "tail", "status");
        for (Map.Entry<String, CommandLine> sub : subcommands.entrySet()) {
            if (sub.getKey().equals("help")) {
                continue;
            }
            Cli.Run help = Cli.run(sub.getKey(), "--help");
            assertThat(help.exit()).as(sub.getKey()).isZero();
            for (OptionSpec option : sub.getValue().getCommandSpec().options()) {
                assertThat(option.description()).as(sub.getKey() + " " + option.longestName()).isNotEmpty();
                for (String name : option.names()) {
                    assertThat(help.out()).as(sub.getKey() + " --help").contains(name);
                    assertThat(readme).as("README mentions " + sub.getKey() + " " + name).contains("`" + name);
                }
            }
            assertThat(readme).as("README describes " + sub.getKey()).contains("| `" + sub.getKey());
        }
    }

    @Test
    void theReadmeListsEveryConfigurationKey() throws Exception {
        String reference = yamlBlocks(readme()).get(0);
        Set<String> documented = new TreeSet<>();
        flatten(new ObjectMapper(new YAMLFactory()).readTree(reference), "", documented);
        assertThat(documented).isEqualTo(new TreeSet<>(ConfigLoader.keys().keySet()));
    }

    private static void flatten(JsonNode node, String prefix, Set<String> out) {
        if (!node.isObject()) {
            out.add(prefix.substring(0, prefix.length() - 1));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            flatten(e.getValue(), prefix + e.getKey() + ".", out);
        }
    }

    @Test
    void everyShippedConfigurationLoads() throws Exception {
        List<String> blocks = yamlBlocks(readme());
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
        ConfigLoader loader = new ConfigLoader(Map.of());
        Path dir = Files.createTempDirectory("skb-docs");
        for (int i = 0; i < blocks.size(); i++) {
            Path f = Files.writeString(dir.resolve("readme-" + i + ".yaml"), blocks.get(i));
            assertThat(loader.load(f)).as(blocks.get(i)).isNotNull();
        }
        BridgeConfig docker = loader.load(ROOT.resolve("docker/bridge.yaml"));
        assertThat(docker.kafka().bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(docker.database().host()).isEqualTo("postgres");
        assertThat(docker.metrics().port()).isEqualTo(9101);
    }

    @Test
    void theDashboardChartsOnlyMetricsTheBridgeExports() throws Exception {
        String readme = readme();
        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("docker/grafana/synapse-kafka-bridge.json")
                .toFile());
        Set<String> charted = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = Pattern.compile("(synapse_[a-z_]+)").matcher(target.get("expr").asText());
                while (m.find()) {
                    charted.add(m.group(1));
                }
            }
        }
        assertThat(charted).hasSizeGreaterThan(10);
        for (String metric : charted) {
            assertThat(readme).as("README's metrics table lists " + metric).contains("| `" + metric + "` |");
        }
    }

    @Test
    void theComposeFileRunsTheShippedConfigurationOnLogicalWal() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker/compose.yaml").toFile());
        JsonNode services = compose.get("services");
        assertThat(services.has("kafka") && services.has("postgres") && services.has("bridge")).isTrue();
        assertThat(services.at("/kafka/environment/KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(services.at("/postgres/command").toString()).contains("wal_level=logical");
        assertThat(services.at("/bridge/volumes/0").asText()).startsWith("./bridge.yaml:");
        assertThat(services.at("/bridge/build/dockerfile").asText()).isEqualTo("docker/Dockerfile");
        for (JsonNode port : services.at("/bridge/ports")) {
            assertThat(port.asText()).as("published on loopback only").startsWith("127.0.0.1:");
        }
        Iterator<String> variables = services.at("/bridge/environment").fieldNames();
        while (variables.hasNext()) {
            String variable = variables.next();
            assertThat(ConfigLoader.keys().containsValue(variable)).as(variable + " names a key").isTrue();
        }
    }
}
