package io.switchboard.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.switchboard.events.routing.AssignmentDecided;
import io.switchboard.platform.Service;
import io.switchboard.platform.testing.DemoUsers;
import io.switchboard.platform.testing.KeycloakTokens;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.support.GatewayAgent;
import io.switchboard.system.support.TicketTrail;

/**
 * Sam supervises customer care and tech support and takes tickets himself. Before Ava's shift he is
 * the only customer-care agent online, so a customer's post lands on him; when Ava is on, he hands it
 * to her from the supervisor floor, and it appears in her open inbox at once. Routing-service made
 * the transfer (released from Sam, decided for Ava) and ticket-service shows her as the assignee.
 * Takes the README's floor screenshot.
 */
class SupervisorTransferTest extends AgentAppTest {

    /** AirPods trouble; the floor's other traffic: Xbox discs and a Dropbox renewal. */
    private static final int HANDED_OVER = 70;
    private static final List<Integer> MORE_TRAFFIC = List.of(0, 11);

    SupervisorTransferTest(SystemStack stack) {
        super(stack);
    }

    @Test
    void aSupervisorTransfersATicketOnTheFloorAndTheOtherAgentSeesItArriveLive() {
        try (AgentApp sam = AgentApp.signInOnline(stack, DemoUsers.SAM_USER);
                GatewayAgent mateo = GatewayAgent.signIn(stack.baseUrl(Service.GATEWAY), KeycloakTokens.forPlatform(stack.platform()),
                        DemoUsers.MATEO_USER)) {
            shift.room(DemoUsers.SAM_USER, 3);
            shift.room(DemoUsers.MATEO_USER, 4);
            UUID ticket = firstPostOf(customerOf(HANDED_OVER), HANDED_OVER);
            assertAssignedTo(ticket, DemoUsers.SAM_USER);

            try (AgentApp ava = AgentApp.signInOnline(stack, DemoUsers.AVA_USER)) {
                shift.room(DemoUsers.AVA_USER, 6);
                for (int conversation : MORE_TRAFFIC) {
                    firstPostOf(customerOf(conversation), conversation);
                }
                assertThat(ava.showsInboxRow(ticket)).isFalse();
                ava.browser().markPage();

                sam.browser().open("/#/floor");
                sam.browser().element(By.cssSelector("tr[data-queue='customer-care']"));
                sam.browser().element(By.cssSelector("tr[data-agent='" + DemoUsers.AVA_USER.subject() + "']"));
                // He picks it from the tickets being worked in his teams, where it shows as his.
                WebElement row = sam.browser().element(By.cssSelector("tr[data-ticket='" + ticket + "']"));
                assertThat(row.getText()).contains(trail.ticket(ticket).getString("reference"), "Sam Okafor");
                row.findElement(By.tagName("button")).click();
                assertThat(new Select(sam.browser().element(By.id("transfer-ticket"))).getFirstSelectedOption().getAttribute("value"))
                        .isEqualTo(ticket.toString());
                new Select(sam.browser().element(By.id("transfer-target"))).selectByValue("agent:" + DemoUsers.AVA_USER.subject());
                sam.browser().element(By.cssSelector("form.transfer button[type=submit]")).click();
                sam.browser().waitFor(d -> d.findElement(By.cssSelector(".outcome")).getText()
                        .equals("Transferred: Ava Lindqvist has the ticket now.") ? true : null, TicketTrail.PATIENCE);

                WebElement arrived = ava.awaitInboxRow(ticket);
                assertThat(ava.browser().stillSamePage()).as("the ticket was pushed into Ava's page, not loaded by a reload").isTrue();
                assertThat(arrived.getText()).contains(trail.ticket(ticket).getString("reference"), "New");

                List<AssignmentDecided> decisions = Awaitility.await("the transfer's decision").atMost(TicketTrail.PATIENCE)
                        .pollInSameThread().until(() -> trail.assignments(ticket), found -> found.size() >= 2);
                assertThat(decisions).extracting(AssignmentDecided::agentId)
                        .containsExactly(DemoUsers.SAM_USER.subject(), DemoUsers.AVA_USER.subject());
                assertThat(decisions.get(1).reason()).isEqualTo(AssignmentDecided.Reason.TRANSFER);
                assertThat(trail.ticket(ticket).getString("assigneeId")).isEqualTo(DemoUsers.AVA_USER.subject());

                assertThat(sam.browser().securityViolations()).isEmpty();
                // The whole floor after the transfer: the chart, the queues, the agents on duty and the tickets being worked.
                sam.browser().windowSize(1280, 1300);
                sam.browser().script("window.scrollTo(0, 0);");
                sam.screenshot("floor");
            }
        }
    }
}
