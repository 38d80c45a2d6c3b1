package io.switchboard.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.helm.support.Chart;
import io.switchboard.helm.support.ValuesDoc;
import io.switchboard.helm.support.Yaml;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value is documented where it is defined, the chart README lists exactly those (generated,
 * never hand-edited), and every service block has the same shape.
 */
class ValuesDocumentationTest {

    private static final Path VALUES = Chart.dir().resolve("values.yaml");
    private static final Path README = Chart.dir().resolve("README.md");

    @Test
    void everyValueHasAnAtParamOnItselfOrAnEnclosingObject() {
        List<String> documented = ValuesDoc.params(VALUES).stream().map(ValuesDoc.Param::path).toList();
        List<String> undocumented = ValuesDoc.leaves(Yaml.readTree(VALUES)).stream()
                .filter(leaf -> documented.stream().noneMatch(d -> leaf.equals(d) || leaf.startsWith(d + ".")))
                .toList();

        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyAtParamNamesAValueThatExists() {
        JsonNode values = Yaml.readTree(VALUES);
        assertThat(ValuesDoc.params(VALUES)).allSatisfy(p -> assertThat(ValuesDoc.at(values, p.path())).as(p.path()).isNotNull());
        assertThat(ValuesDoc.params(VALUES).stream().collect(Collectors.groupingBy(ValuesDoc.Param::path, Collectors.counting())))
                .allSatisfy((path, count) -> assertThat(count).as("%s documented twice", path).isEqualTo(1L));
    }

    @Test
    void theFourServiceBlocksHaveTheSameShape() {
        JsonNode values = Yaml.readTree(VALUES);
        List<String> gateway = shape(values.get("agentGateway"));
        for (String key : List.of("mentionService", "ticketService", "routingService")) {
            assertThat(shape(values.get(key))).as(key).isEqualTo(gateway);
        }
    }

    private static List<String> shape(JsonNode block) {
        return ValuesDoc.leaves(block).stream().filter(p -> !p.startsWith("resources.")).toList();
    }

    @Test
    void theChartReadmeListsEveryParameter() throws IOException {
        String readme = Files.readString(README);
        String expected = ValuesDoc.markdown(VALUES);
        int start = readme.indexOf(ValuesDoc.START);
        int end = readme.indexOf(ValuesDoc.END);
        assertThat(start).as("README.md has the parameters markers").isNotNegative();
        String current = readme.substring(start + ValuesDoc.START.length(), end).strip() + "\n";

        if (Boolean.getBoolean("switchboard.regenerate") && !current.equals(expected)) {
            Files.writeString(README, readme.substring(0, start + ValuesDoc.START.length()) + "\n\n" + expected + "\n" + readme.substring(end));
            return;
        }
        assertThat(current).as("helm/switchboard/README.md is stale: run ./mvnw -pl helm test -Dtest=ValuesDocumentationTest -Dswitchboard.regenerate=true")
                .isEqualTo(expected);
    }

    @Test
    void defaultsAgreeWithTheServicesOwnSettings() {
        Map<String, Object> values = Chart.defaultValues();
        // Each service's own database and role are the ones the platform launcher creates.
        for (io.switchboard.platform.Service s : io.switchboard.platform.Service.values()) {
            String key = io.switchboard.helm.support.Services.valueOf(s.moduleName().toUpperCase().replace('-', '_')).valuesKey();
            JsonNode db = Yaml.MAPPER.valueToTree(values).path(key).path("database");
            assertThat(db.path("name").asText()).isEqualTo(s.database());
            assertThat(db.path("username").asText()).isEqualTo(s.databaseRole());
            assertThat(Yaml.MAPPER.valueToTree(values).path(key).path("containerPort").asInt()).isEqualTo(s.httpPort());
        }
    }
}
