package io.switchboard.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.switchboard.events.Topics;
import io.switchboard.events.mention.MentionReceived;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.support.RecordedConversations.Conversation;
import io.switchboard.system.support.RecordedConversations.Role;
import io.switchboard.system.support.RecordedConversations.Turn;
import io.switchboard.system.support.TicketTrail;
import io.switchboard.system.support.TopicTail;
import io.switchboard.system.support.XCustomer;

/**
 * Hostile text from customers on X, rendered by the real app: a customer whose X name is markup
 * opens a ticket with a script in their post, then writes every line of the two XSS lists
 * ({@code src/test/resources/hostile/payloads}, RSnake and Jhaddix) into the conversation, plus
 * payloads whose effect the test could observe (a global set, a URL fetched from the fake X). In
 * Ava's inbox and open ticket all of it is text: no dialog, no script-set global, no active element,
 * no request to the beacon, no Content-Security-Policy or Trusted Types violation. A post that
 * mention-service's triage calls spam (many {@code &#NN} entities look like hashtags) is never
 * ticketed: the test accounts for every post on {@code mentions}, and each one that is not spam must
 * be shown, exactly as ticket-service stored it.
 */
class HostileMentionTest extends AgentAppTest {

    private static final List<String> XSS_LISTS = List.of("XSS_Injection-Intruders-RSNAKE_XSS.txt", "XSS_Injection-Intruders-JHADDIX_XSS.txt");
    private static final String HOSTILE_NAME = "<img src=x onerror=\"window.__xss='name'\">";
    private static final String OPENING = "my order 5531 is still not here and the app is not working <script>window.__xss='summary'</script>";

    HostileMentionTest(SystemStack stack) {
        super(stack);
    }

    @Test
    void hostileMentionsRenderAsInertTextInTheInboxAndTheTicket() {
        List<String> payloads = payloads();
        try (AgentApp ava = AgentApp.signInOnline(stack, DemoUsers.AVA_USER);
                TopicTail mentions = TopicTail.fromEnd(stack.platform().kafkaBootstrapServers(), Topics.MENTIONS)) {
            shift.room(DemoUsers.AVA_USER, 3);
            XCustomer mallory = new XCustomer(stack.fakeX(),
                    new Conversation(-1, SystemStack.BRAND_HANDLE, List.of(new Turn(Role.CUSTOMER, "mallory_x", OPENING))))
                    .displayName(HOSTILE_NAME);
            mallory.postOnStream(OPENING);
            UUID ticket = trail.awaitOneTicketFor(mallory.posts());
            assertAssignedTo(ticket, DemoUsers.AVA_USER);

            WebElement row = ava.awaitInboxRow(ticket);
            assertThat(row.getText()).contains(HOSTILE_NAME, "<script>window.__xss='summary'</script>");
            ava.openTicket(ticket);
            payloads.forEach(mallory::postOnStream);

            // Every post, as mention-service published it; what is not spam must become a message on the ticket.
            Map<String, MentionReceived> published = mentions.await(mallory.posts().size(), MentionReceived.class,
                    m -> mallory.posts().contains(m.externalId()), TicketTrail.PATIENCE).stream()
                    .collect(Collectors.toMap(MentionReceived::externalId, Function.identity()));
            List<String> texts = mallory.posts().stream().map(published::get).map(MentionReceived::text).toList();
            assertThat(texts.subList(1, texts.size())).as("mention-service keeps the text as posted")
                    .allSatisfy(text -> assertThat(payloads).anyMatch(text::endsWith));
            List<String> ticketed = mallory.posts().stream().filter(id -> !published.get(id).triage().spam()).toList();
            trail.awaitOneTicketFor(ticketed);
            List<String> stored = trail.ticket(ticket).getList("messages.findAll { it.kind == 'CUSTOMER' }.text", String.class);
            assertThat(stored).containsExactlyInAnyOrderElementsOf(ticketed.stream().map(published::get).map(MentionReceived::text).toList());
            assertThat(stored).as("the observable payloads are not spam").anyMatch(text -> text.contains("/beacon/script"));

            ava.awaitCustomerPosts(stored.size());
            assertThat(ava.customerTexts()).as("every post shown as the text it is").containsExactlyInAnyOrderElementsOf(stored);
            assertInert(ava);

            ava.browser().element(By.cssSelector("nav a[href='#/']")).click();
            assertThat(ava.awaitInboxRow(ticket).getText()).contains(HOSTILE_NAME);
            assertInert(ava);
            System.out.printf("[browser] %d hostile posts: %d shown as text, %d never ticketed (spam)%n", payloads.size(),
                    ticketed.size() - 1, payloads.size() - ticketed.size() + 1);
        }
    }

    private void assertInert(AgentApp app) {
        assertThat(app.browser().dialogOpen()).as("a dialog opened").isFalse();
        assertThat(app.browser().script("return typeof window.__xss;")).as("a script set window.__xss").isEqualTo("undefined");
        assertThat(app.browser().activeElementsIn("#main")).as("active elements in the page").isZero();
        assertThat(stack.fakeX().requests("GET", "/beacon/")).as("requests to the beacon").isEmpty();
        assertThat(app.browser().securityViolations()).isEmpty();
    }

    /** Both XSS lists, then payloads whose effect would show: a global set, the fake X's beacon fetched. */
    private List<String> payloads() {
        List<String> payloads = new ArrayList<>();
        XSS_LISTS.forEach(list -> payloads.addAll(lines("/hostile/payloads/" + list)));
        String beacon = stack.fakeX().baseUrl() + "/beacon/";
        payloads.addAll(List.of(
                "<img src=x onerror=\"window.__xss='img'\">",
                "<script>window.__xss='script'</script>",
                "<svg onload=\"window.__xss='svg'\"></svg>",
                "\"><iframe src=\"javascript:parent.__xss='iframe'\"></iframe>",
                "<img src=\"" + beacon + "img\">",
                "<script src=\"" + beacon + "script\"></script>",
                "<link rel=stylesheet href=\"" + beacon + "css\">"));
        return payloads;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = HostileMentionTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
