package io.switchboard.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.switchboard.browser.Browser;
import io.switchboard.events.Visibility;
import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.events.routing.AssignmentReleased;
import io.switchboard.events.ticket.MessageAdded;
import io.switchboard.events.ticket.MessageDeliveryChanged;
import io.switchboard.gateway.testing.DemoAgents;
import io.switchboard.gateway.testing.FakeDownstream;
import io.switchboard.gateway.testing.FakeDownstreamResource;
import io.switchboard.gateway.testing.FakeTicket;
import io.switchboard.gateway.testing.Kafka;
import io.switchboard.gateway.testing.LiveClient;
import io.switchboard.gateway.testing.LivePipeline;

/**
 * The agents' app in the machine's real Chromium: signing in on Keycloak's login page, tickets
 * arriving live from events on the real Kafka, replying and seeing the delivery, a supervisor's
 * transfer, hostile mention text rendered inert. (The README's screenshots are taken by the
 * system-tests module's browser tests, against the real services.)
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentAppBrowserTest {

    private static final Duration LIVE = Duration.ofSeconds(20);

    private final FakeDownstream fake = FakeDownstreamResource.fake();
    private String gateway;

    @BeforeEach
    void pipelineIsLive() {
        gateway = "http://localhost:" + RestAssured.port;
        fake.clearTickets();
        try (LiveClient probe = LiveClient.connect(java.net.URI.create(gateway), DemoAgents.token("ava"))) {
            LivePipeline.awaitLive(probe, DemoAgents.subject("ava"));
        }
    }

    @Test
    void withoutASessionTheApiAnswers401AndTheAppSendsYouToSignIn() {
        try (Browser browser = new Browser(gateway)) {
            browser.open("/api/v1/inbox");
            assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("\"status\":401");

            browser.open("/");
            browser.element(By.id("kc-form-login"));
            assertThat(browser.driver().getCurrentUrl()).contains("/realms/switchboard/protocol/openid-connect/auth");

            // Signed in, then the session is lost: the app's next call gets 401 and the app goes to the login page.
            browser.signIn("ava");
            browser.element(By.cssSelector(".presence label.on"));
            browser.dropCookies();
            browser.element(By.xpath("//fieldset[contains(@class,'presence')]//label[not(contains(@class,'on'))]")).click();
            browser.element(By.id("kc-form-login"));
        }
    }

    @Test
    void aTicketArrivesLiveTheAgentRepliesAndSeesItDelivered() {
        String ava = DemoAgents.subject("ava");
        seedInbox(ava);
        // Whatever presence earlier tests left, the agent starts this day online.
        io.restassured.RestAssured.given().auth().oauth2(DemoAgents.token("ava")).contentType("application/json")
                .body(Map.of("presence", "ONLINE")).put("/api/v1/presence").then().statusCode(200);
        fake.onReply((ticket, message) -> Kafka.publish(MessageDeliveryChanged.delivered(ticket,
                UUID.fromString(message.path("id").asText()), UUID.randomUUID(), "1790000000000000999"), LivePipeline.TICKETS));
        try (Browser browser = new Browser(gateway).signIn("ava")) {
            browser.element(By.cssSelector(".live.up"));
            browser.waitFor(d -> d.findElements(By.cssSelector("ol.tickets > li")).size() == 3 ? true : null, LIVE);

            FakeTicket arriving = fake.ticket().assignee(ava).reference("SW-10423").channel("X").priority("HIGH")
                    .customer("@jordan_k", "Jordan Kim").summary("@acme my card was charged twice for order 5531")
                    .slaDueAt(Instant.now().plusSeconds(14 * 60))
                    .customerMessage("@acme my card was charged twice for order 5531, can someone help?")
                    .save();
            Kafka.publish(AssignmentDecided.of(arriving.id(), ava, "customer-care", "customer-care",
                    AssignmentDecided.Reason.BEST_FIT, null), LivePipeline.ROUTING);

            WebElement row = browser.element(By.cssSelector("a.row[data-ticket='" + arriving.id() + "']"));
            assertThat(row.getText()).contains("SW-10423", "Jordan Kim", "New");
            assertThat(browser.driver().findElements(By.cssSelector("ol.tickets > li"))).hasSize(4);

            row.click();
            browser.element(By.cssSelector(".thread"));
            assertThat(browser.element(By.id("ticket-title")).getText()).contains("SW-10423");
            WebElement draft = browser.element(By.id("draft"));
            draft.sendKeys("Hi Jordan, sorry about the double charge! Could you DM us at billing@acme.example?");
            browser.element(By.cssSelector(".pii-warning"));
            assertThat(browser.element(By.cssSelector("button.primary")).isEnabled()).isFalse();
            draft.clear();
            draft.sendKeys("Hi Jordan, sorry about the double charge! We are refunding it now.");
            assertThat(browser.element(By.id("counter")).getText()).matches("\\d+ / 280.*");
            browser.element(By.cssSelector("button.primary")).click();

            // The reply shows as sent, then as delivered when the outcome is pushed.
            browser.waitFor(d -> d.findElements(By.cssSelector(".thread .agent_reply [data-delivery='DELIVERED']")).isEmpty()
                    ? null : true, LIVE);
            assertThat(fake.callsTo(arriving.id() + "/replies")).singleElement()
                    .satisfies(call -> assertThat(call.body()).contains("We are refunding it now. ^AL"));

            // Keyboard: "e" resolves the open ticket.
            browser.element(By.id("ticket-title")).sendKeys("e");
            browser.waitFor(d -> fake.callsTo(arriving.id() + "/status").isEmpty() ? null : true, LIVE);
            assertThat(fake.callsTo(arriving.id() + "/status").get(0).body()).contains("RESOLVED");
            // It named the version the reply produced, so ticket-service took it (no stale-version refusal).
            browser.waitFor(d -> fake.ticketNow(arriving.id()).path("status").asText().equals("RESOLVED") ? true : null, LIVE);
            assertThat(browser.securityViolations()).isEmpty();
        }
    }

    @Test
    @Order(1) // before the hostile-mention test floods this minute of the mention chart
    void aSupervisorTransfersATicketAndTheOtherAgentSeesItArrive() {
        String ava = DemoAgents.subject("ava");
        String sam = DemoAgents.subject("sam");
        floorData(ava, sam);
        FakeTicket ticket = fake.ticket().assignee(sam).reference("SW-10431").priority("URGENT")
                .customer("@maria_r", "Maria Rossi").summary("Still no refund after 3 weeks").save();
        // routing-service moved it (the fake ticket-service knows at once); its decisions follow on Kafka.
        fake.onTransfer(call -> {
            UUID id = UUID.fromString(call.path().replaceAll(".*/tickets/([0-9a-f-]{36})/transfer", "$1"));
            Kafka.publish(AssignmentReleased.of(id, sam, AssignmentReleased.Reason.TRANSFERRED), LivePipeline.ROUTING);
            Kafka.publish(AssignmentDecided.of(id, ava, "customer-care", "customer-care", AssignmentDecided.Reason.TRANSFER, sam),
                    LivePipeline.ROUTING);
        });
        try (Browser agent = new Browser(gateway).signIn("ava"); Browser supervisor = new Browser(gateway).signIn("sam")) {
            agent.element(By.cssSelector(".live.up"));
            assertThat(agent.driver().findElements(By.cssSelector("a.row[data-ticket='" + ticket.id() + "']"))).isEmpty();

            supervisor.open("/#/floor?ticket=" + ticket.id());
            supervisor.element(By.cssSelector("tr[data-queue='customer-care']"));
            supervisor.waitFor(d -> d.findElements(By.cssSelector("polyline[data-series]")).isEmpty() ? null : true, LIVE);
            new Select(supervisor.element(By.id("transfer-target"))).selectByValue("agent:" + ava);
            supervisor.element(By.cssSelector("form.transfer button[type=submit]")).click();
            supervisor.waitFor(d -> d.findElement(By.cssSelector(".outcome")).getText().startsWith("Transferred: Ava Lindqvist has the ticket now") ? true : null, LIVE);

            WebElement arrived = agent.element(By.cssSelector("a.row[data-ticket='" + ticket.id() + "']"));
            assertThat(arrived.getText()).contains("SW-10431", "Maria Rossi", "New");
            assertThat(fake.callsTo(ticket.id() + "/transfer")).singleElement()
                    .satisfies(call -> assertThat(call.username()).isEqualTo("sam"));

            // The supervisor manages the team's canned responses from the floor.
            String title = "Refund sent " + UUID.randomUUID().toString().substring(0, 6);
            supervisor.element(By.id("canned-title-input")).sendKeys(title);
            supervisor.element(By.id("canned-body")).sendKeys("Hi {{customer.name}}, your refund is on its way.");
            supervisor.element(By.cssSelector("form.canned-form button[type=submit]")).click();
            WebElement added = supervisor.element(By.xpath("//ul[contains(@class,'canned-list')]/li[contains(., '" + title + "')]"));
            added.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Delete')]")).click();
            supervisor.waitFor(d -> d.findElements(By.xpath("//ul[contains(@class,'canned-list')]/li[contains(., '" + title + "')]"))
                    .isEmpty() ? true : null, LIVE);
        }
    }

    @Test
    void hostileMentionsRenderAsInertText() throws IOException {
        String ava = DemoAgents.subject("ava");
        List<String> payloads = new ArrayList<>(payloads("XSS_Injection-Intruders-RSNAKE_XSS.txt"));
        payloads.addAll(payloads("XSS_Injection-Intruders-JHADDIX_XSS.txt"));
        // Payloads whose effect the test can observe: a global set, a URL fetched.
        payloads.add("<img src=x onerror=\"window.__xss='img'\">");
        payloads.add("<script>window.__xss='script'</script>");
        payloads.add("<svg onload=\"window.__xss='svg'\"></svg>");
        payloads.add("\"><iframe src=\"javascript:parent.__xss='iframe'\"></iframe>");
        payloads.add("<img src=\"" + fake.beaconUrl("img") + "\">");
        payloads.add("<script src=\"" + fake.beaconUrl("script") + "\"></script>");
        payloads.add("<link rel=stylesheet href=\"" + fake.beaconUrl("css") + "\">");
        String hostileName = "<img src=x onerror=\"window.__xss='name'\">";

        FakeTicket ticket = fake.ticket().assignee(ava).reference("SW-66666").customer("<b>@h4x</b>", hostileName)
                .summary("<script>window.__xss='summary'</script>").customerMessage("<svg/onload=window.__xss='first'>").save();
        try (Browser browser = new Browser(gateway).signIn("ava")) {
            browser.element(By.cssSelector(".live.up"));
            WebElement row = browser.element(By.cssSelector("a.row[data-ticket='" + ticket.id() + "']"));
            assertThat(row.getText()).contains(hostileName, "<script>window.__xss='summary'</script>");
            row.click();
            browser.element(By.cssSelector(".thread"));

            for (String payload : payloads) {
                Kafka.publish(MessageAdded.customer(ticket.id(), UUID.randomUUID(), new MessageAdded.Author("c", hostileName),
                        payload, Visibility.PUBLIC, UUID.randomUUID(), "x"), LivePipeline.TICKETS);
            }
            browser.waitFor(d -> d.findElements(By.cssSelector(".thread .text")).size() >= payloads.size() + 1 ? true : null,
                    Duration.ofSeconds(60));

            @SuppressWarnings("unchecked")
            List<String> shown = (List<String>) browser.script(
                    "return Array.from(document.querySelectorAll('.thread .text')).map(e => e.textContent);");
            assertThat(shown).containsAll(payloads);
            assertThat(browser.dialogOpen()).isFalse();
            assertThat(browser.script("return typeof window.__xss;")).isEqualTo("undefined");
            assertThat(browser.activeElementsIn("#main")).isZero();
            sleep(1000);
            assertThat(fake.beaconHits()).isEmpty();
            assertThat(browser.securityViolations()).isEmpty();
            assertThat(browser.dialogOpen()).isFalse();
        }
    }

    /** A few realistic tickets beside the one that arrives, so the inbox has an order to keep. */
    private void seedInbox(String agent) {
        fake.ticket().assignee(agent).reference("SW-10418").channel("MASTODON").priority("NORMAL")
                .customer("@lena@mastodon.social", "Lena Fischer").summary("App logs me out every few minutes since the update")
                .intent("QUESTION").sentiment("NEUTRAL").slaDueAt(Instant.now().plusSeconds(52 * 60)).save();
        fake.ticket().assignee(agent).reference("SW-10409").channel("X").priority("URGENT")
                .customer("@tomasz_w", "Tomasz W.").summary("Third time asking: where is my replacement phone??")
                .slaDueAt(Instant.now().minusSeconds(3 * 60)).customerMessage("Card 4111 1111 1111 1111 was charged, order 5531").save();
        fake.ticket().assignee(agent).reference("SW-10421").channel("ASK_US").priority("LOW")
                .customer("priya@example.com", "Priya Nair").summary("How do I change the delivery address?")
                .intent("QUESTION").sentiment("POSITIVE").slaDueAt(null).save();
    }

    private void floorData(String ava, String sam) {
        var queues = FakeDownstream.json().createArrayNode();
        queues.add(FakeDownstream.queue("customer-care", "Customer care", "customer-care", 7, 11 * 60 + 20L));
        queues.add(FakeDownstream.queue("tech-support", "Tech support", "tech-support", 3, 4 * 60 + 5L));
        queues.add(FakeDownstream.queue("escalations", "Escalations", "supervisors", 1, 95L));
        fake.setQueues(queues);
        var agents = FakeDownstream.json().createArrayNode();
        agents.add(FakeDownstream.agent(ava, "ava", "Ava Lindqvist", false, "ONLINE", 3, 5, "customer-care"));
        agents.add(FakeDownstream.agent(DemoAgents.subject("mateo"), "mateo", "Mateo García", false, "AWAY", 1, 4, "tech-support"));
        agents.add(FakeDownstream.agent(sam, "sam", "Sam Okafor", true, "ONLINE", 1, 2, "customer-care", "tech-support"));
        fake.setAgents(agents);
        // Waiting tickets whose SLA warned or breached, as ticket-service lists them.
        fake.ticket().reference("SW-10433").slaWarned().save();
        fake.ticket().reference("SW-10434").slaDueAt(Instant.now().minusSeconds(40)).save();
        // Mentions over the last minutes, as ticket-service would have threaded them.
        String[][] mix = { { "X", "NEGATIVE" }, { "X", "NEUTRAL" }, { "MASTODON", "POSITIVE" }, { "X", "POSITIVE" } };
        java.util.Random random = new java.util.Random(7);
        for (int minute = 20; minute >= 0; minute--) {
            for (String[] kind : mix) {
                int count = random.nextInt(kind[1].equals("NEGATIVE") ? 5 + (minute < 6 ? 6 : 0) : 4);
                UUID ticketId = UUID.randomUUID();
                Instant at = Instant.now().minusSeconds(minute * 60L);
                Kafka.publish(new io.switchboard.events.ticket.TicketOpened(UUID.randomUUID(), at, ticketId, "SW-1", 
                        io.switchboard.events.Channel.valueOf(kind[0]), null, "c" + ticketId, Visibility.PUBLIC, UUID.randomUUID(),
                        new io.switchboard.events.ticket.Customer(UUID.randomUUID(), "@someone", "Someone", 10), "en",
                        io.switchboard.events.mention.Intent.COMPLAINT,
                        new io.switchboard.events.mention.Sentiment(io.switchboard.events.mention.Sentiment.Label.valueOf(kind[1]), 0.0),
                        io.switchboard.events.ticket.Priority.NORMAL, List.of(), "customer-care", null, null), LivePipeline.TICKETS);
                for (int i = 0; i < count; i++) {
                    Kafka.publish(new MessageAdded(UUID.randomUUID(), at, ticketId, UUID.randomUUID(), MessageAdded.Kind.CUSTOMER,
                            new MessageAdded.Author("c", "C"), "hello", Visibility.PUBLIC, UUID.randomUUID(), "e", null, null),
                            LivePipeline.TICKETS);
                }
            }
        }
    }

    private static List<String> payloads(String file) throws IOException {
        try (InputStream in = AgentAppBrowserTest.class.getResourceAsStream("/security/payloads/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
