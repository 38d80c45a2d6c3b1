package io.switchboard.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.helm.support.Chart;
import io.switchboard.helm.support.Yaml;
import io.switchboard.platform.RealmTemplate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/keycloak/realm-import.yaml is the local realm (platform's keycloak/switchboard-realm.json)
 * as a KeycloakRealmImport, placeholders and all: Keycloak fills each ${SWITCHBOARD_...} from the
 * environment, which the operator takes from the Secret named in spec.placeholders. Regenerate it
 * with -Dswitchboard.regenerate=true after the realm changes.
 */
class RealmImportTest {

    private static final Path FILE = Chart.repoRoot().resolve("k8s/keycloak/realm-import.yaml");
    private static final String SECRET = "switchboard-oidc";

    /** Which key of the Secret switchboard-oidc fills which placeholder; client-secret is also the chart's. */
    private static final Map<String, String> PLACEHOLDER_KEYS = Map.of(
            RealmTemplate.GATEWAY_CLIENT_SECRET, "client-secret",
            RealmTemplate.GATEWAY_URL, "gateway-url",
            RealmTemplate.DEMO_PASSWORD, "demo-password");

    private static final String HEADER = """
            # Generated from platform/src/main/resources/keycloak/switchboard-realm.json by RealmImportTest;
            # do not edit: change the realm there and run
            #   ./mvnw -pl helm test -Dtest=RealmImportTest -Dswitchboard.regenerate=true
            # The operator imports it once (an existing realm is never overwritten). Each ${SWITCHBOARD_...}
            # placeholder is filled from the Secret switchboard-oidc (../README.md). The realm has the demo
            # users and the password-grant client `switchboard-cli` of the local one: delete them after
            # the first sign-in of your own admin in production (../README.md, "Production").
            """;

    private static ObjectNode expected() throws IOException {
        String template = RealmTemplate.template();
        ObjectNode root = Yaml.MAPPER.createObjectNode();
        root.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        root.put("kind", "KeycloakRealmImport");
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("name", "switchboard");
        metadata.put("namespace", "switchboard");
        ObjectNode spec = root.putObject("spec");
        spec.put("keycloakCRName", "switchboard-keycloak");
        ObjectNode placeholders = spec.putObject("placeholders");
        for (String name : placeholders(template)) {
            assertThat(PLACEHOLDER_KEYS).as("the realm has a new placeholder ${%s}: give it a key of %s", name, SECRET).containsKey(name);
            ObjectNode secret = placeholders.putObject(name).putObject("secret");
            secret.put("name", SECRET);
            secret.put("key", PLACEHOLDER_KEYS.get(name));
        }
        spec.set("realm", new ObjectMapper().readTree(template));
        return root;
    }

    private static TreeSet<String> placeholders(String template) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{(SWITCHBOARD_[A-Z0-9_]+)}").matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theRealmImportIsTheLocalRealm() throws IOException {
        ObjectNode expected = expected();
        if (Boolean.getBoolean("switchboard.regenerate")) {
            Files.writeString(FILE, HEADER + Yaml.write(expected));
        }
        JsonNode actual = Yaml.readTree(FILE);

        assertThat(actual.at("/spec/realm")).as("spec.realm equals switchboard-realm.json; regenerate with -Dswitchboard.regenerate=true")
                .isEqualTo(expected.at("/spec/realm"));
        assertThat(actual).isEqualTo(expected);
        assertThat(Files.readString(FILE)).startsWith(HEADER);
    }

    @Test
    void everyPlaceholderOfTheRealmIsFilledFromTheSecret() {
        JsonNode placeholders = Yaml.readTree(FILE).at("/spec/placeholders");
        Map<String, String> keys = new TreeMap<>();
        placeholders.fields().forEachRemaining(e -> keys.put(e.getKey(), e.getValue().at("/secret/key").asText()));

        assertThat(keys.keySet()).containsExactlyElementsOf(placeholders(RealmTemplate.template()));
        assertThat(placeholders.findValuesAsText("name")).containsOnly(SECRET);
        // The gateway's client secret is the same Secret and key the chart reads by default.
        JsonNode oidc = Yaml.MAPPER.valueToTree(Chart.defaultValues()).path("oidc").path("gateway");
        assertThat(oidc.path("existingSecret").asText()).isEqualTo(SECRET);
        assertThat(oidc.path("clientSecretKey").asText()).isEqualTo(keys.get(RealmTemplate.GATEWAY_CLIENT_SECRET));
    }
}
