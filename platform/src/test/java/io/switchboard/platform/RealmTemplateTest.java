package io.switchboard.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.platform.testing.DemoUsers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The realm template against what the rest of the code expects of it. */
class RealmTemplateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode realm() throws Exception {
        return JSON.readTree(RealmTemplate.render(Map.of(
                RealmTemplate.GATEWAY_CLIENT_SECRET, "client-secret",
                RealmTemplate.DEMO_PASSWORD, "demo-password",
                RealmTemplate.GATEWAY_URL, "http://localhost:8080")));
    }

    @Test
    void everyPlaceholderIsFilled() throws Exception {
        String rendered = realm().toString();
        assertFalse(rendered.contains("${SWITCHBOARD_"));
        assertTrue(RealmTemplate.template().contains("${SWITCHBOARD_GATEWAY_CLIENT_SECRET}"), "the template keeps its placeholders");
    }

    @Test
    void demoUsersMatchTheRealm() throws Exception {
        JsonNode realm = realm();
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            JsonNode u = find(realm.get("users"), "username", user.username());
            assertEquals(user.subject(), u.get("id").asText(), "the realm pins the subject configuration names agents by");
            assertEquals(user.email(), u.get("email").asText());
            assertTrue(u.get("emailVerified").asBoolean());
            assertEquals(user.firstName(), u.get("firstName").asText());
            assertEquals(user.lastName(), u.get("lastName").asText());
            assertEquals(0, u.get("requiredActions").size(), "a required action blocks the password grant");
            assertTrue(strings(u.get("realmRoles")).containsAll(user.roles()));
            assertEquals(user.teams().stream().map(t -> "/teams/" + t).sorted().toList(), strings(u.get("groups")).stream().sorted().toList());
            assertEquals(user.languages(), strings(u.at("/attributes/languages")));
            assertEquals("demo-password", u.at("/credentials/0/value").asText());
        }
    }

    @Test
    void tokensOfTheUserFacingClientsNameEveryServiceAsAudience() throws Exception {
        JsonNode realm = realm();
        for (String clientId : List.of("agent-gateway", "switchboard-cli")) {
            JsonNode client = find(realm.get("clients"), "clientId", clientId);
            List<String> audiences = new ArrayList<>();
            client.get("protocolMappers").forEach(m -> {
                if (m.get("protocolMapper").asText().equals("oidc-audience-mapper")) {
                    audiences.add(m.at("/config/included.client.audience").asText());
                }
            });
            for (Service service : Service.values()) {
                assertTrue(audiences.contains(service.clientId()), clientId + " tokens lack aud " + service.clientId());
            }
        }
        JsonNode gateway = find(realm.get("clients"), "clientId", "agent-gateway");
        assertEquals("S256", gateway.at("/attributes/pkce.code.challenge.method").asText());
        assertEquals("client-secret", gateway.get("secret").asText());
        assertEquals("http://localhost:8080/*", gateway.at("/redirectUris/0").asText());
        assertTrue(find(realm.get("clients"), "clientId", "switchboard-cli").get("publicClient").asBoolean());
    }

    @Test
    void languagesIsADeclaredUserProfileAttribute() throws Exception {
        JsonNode provider = realm().at("/components/org.keycloak.userprofile.UserProfileProvider/0");
        JsonNode profile = JSON.readTree(provider.at("/config/kc.user.profile.config/0").asText());
        JsonNode languages = find(profile.get("attributes"), "name", "languages");
        assertTrue(languages.get("multivalued").asBoolean());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }
}
