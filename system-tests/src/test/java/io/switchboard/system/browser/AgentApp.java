package io.switchboard.system.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.switchboard.browser.Browser;
import io.switchboard.platform.Service;
import io.switchboard.platform.Workspace;
import io.switchboard.platform.testing.DemoUsers.DemoUser;
import io.switchboard.system.harness.SystemStack;
import io.switchboard.system.support.TicketTrail;

/**
 * The agents' web app as one person uses it, in their own real Chromium: signed in on Keycloak's
 * page, then the screens (inbox, ticket, floor) through what they show and what can be clicked.
 * Anything that crosses the whole system (a post on X reaching the inbox) is waited for with the
 * system tests' patience, not the browser's usual seconds.
 */
final class AgentApp implements AutoCloseable {

    /** Where the README's screenshots live; these tests are their only writer. */
    static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    private final Browser browser;

    private AgentApp(Browser browser) {
        this.browser = browser;
    }

    /**
     * Opens the app, which sends the browser to Keycloak's login page; signs in there, waits for the
     * live connection and puts the presence switch on Online. The browser is closed if any of it fails.
     */
    static AgentApp signInOnline(SystemStack stack, DemoUser user) {
        Browser browser = new Browser(stack.baseUrl(Service.GATEWAY));
        try {
            browser.signIn(user.username());
            browser.element(By.cssSelector(".live.up"));
            return new AgentApp(browser).goOnline();
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    Browser browser() {
        return browser;
    }

    /**
     * Puts the presence switch on Online: routing may give me tickets. (Right after signing in the
     * switch can show neither position: it asks for the presence before the live connection has
     * signed the agent in.)
     */
    private AgentApp goOnline() {
        browser.element(By.cssSelector("fieldset.presence"));
        if (!"Online".equals(presenceShown())) {
            browser.element(By.xpath("//fieldset[contains(@class,'presence')]//label[normalize-space()='Online']")).click();
            browser.waitFor(d -> "Online".equals(presenceShown()) ? true : null, Duration.ofSeconds(20));
        }
        return this;
    }

    private String presenceShown() {
        return browser.driver().findElements(By.cssSelector("fieldset.presence label.on")).stream().map(l -> l.getText().trim())
                .findFirst().orElse(null);
    }

    /** My inbox's line for this ticket, once it is there. */
    WebElement awaitInboxRow(UUID ticket) {
        return browser.waitFor(d -> d.findElements(inboxRow(ticket)).stream().findFirst().orElse(null), TicketTrail.PATIENCE);
    }

    boolean showsInboxRow(UUID ticket) {
        return !browser.driver().findElements(inboxRow(ticket)).isEmpty();
    }

    int inboxSize() {
        return browser.driver().findElements(By.cssSelector("ol.tickets > li")).size();
    }

    /** Clicks the ticket's line in the inbox and waits for its conversation. */
    AgentApp openTicket(UUID ticket) {
        awaitInboxRow(ticket).click();
        browser.element(By.cssSelector(".ticket-screen .thread"));
        return this;
    }

    /** Types into the composer (public reply is the default on X) and sends. */
    AgentApp sendReply(String text) {
        browser.element(By.id("draft")).sendKeys(text);
        WebElement send = browser.element(By.cssSelector(".composer button.primary"));
        if (!send.isEnabled()) {
            throw new AssertionError("the composer refuses to send: " + send.getAttribute("title"));
        }
        send.click();
        return this;
    }

    /** Waits until the open ticket's thread shows an agent reply with this delivery state. */
    AgentApp awaitReplyShown(String delivery) {
        browser.waitFor(d -> d.findElements(By.cssSelector(".thread .agent_reply [data-delivery='" + delivery + "']")).isEmpty()
                ? null : true, TicketTrail.PATIENCE);
        return this;
    }

    /** The texts of the open ticket's thread, in order, as the page shows them (text content). */
    List<String> threadTexts() {
        return texts(".thread .text");
    }

    /** The texts of the customer's posts in the open ticket's thread. */
    List<String> customerTexts() {
        return texts(".thread .customer .text");
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String selector) {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent);", selector);
    }

    /** Waits until the open ticket's thread shows at least {@code count} customer posts. */
    void awaitCustomerPosts(int count) {
        browser.waitFor(d -> d.findElements(By.cssSelector(".thread .customer")).size() >= count ? true : null, TicketTrail.PATIENCE);
    }

    /** Saves the window as {@code docs/screenshots/<name>.png} of the repository (the README shows it). */
    void screenshot(String name) {
        browser.screenshot(Workspace.find().repoRoot().resolve(SCREENSHOTS).resolve(name + ".png"));
    }

    private static By inboxRow(UUID ticket) {
        return By.cssSelector("ol.tickets a.row[data-ticket='" + ticket + "']");
    }

    @Override
    public void close() {
        browser.close();
    }
}
