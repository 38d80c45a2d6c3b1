package io.switchboard.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.events.Channel;
import io.switchboard.platform.Workspace;
import io.switchboard.system.support.RecordedConversations;

/**
 * The load: the customers' turns of the recorded conversations, over and over until there are enough
 * mentions, posted by new customers with ids of their own (the databases outlive a run and
 * de-duplicate by id), each in one thread. Every {@code xEvery}-th customer posts through X's Account
 * Activity webhook, so agents' public replies go out to the fake X; the rest through the generic
 * signed webhook.
 */
final class LoadConversations {

    /** One customer's thread as the generator sends it, turn by turn, in order. */
    record CustomerThread(int number, Channel channel, String customerId, String handle, List<String> texts) {
    }

    private LoadConversations() {
    }

    /**
     * @param turnsPerCustomer how many posts each customer makes in their thread: recorded customer
     *     turns, taken in order across the recorded conversations (the recorded threads are short;
     *     longer ones keep the number of tickets, which the run closes at the end, manageable)
     */
    static List<CustomerThread> build(String run, int mentions, int turnsPerCustomer, int xEvery) {
        List<String> recorded = recordedCustomerTurns();
        List<CustomerThread> threads = new ArrayList<>();
        int total = 0;
        for (int n = 0; total < mentions; n++) {
            List<String> texts = new ArrayList<>();
            for (int turn = 0; turn < Math.min(turnsPerCustomer, mentions - total); turn++) {
                texts.add(recorded.get((total + turn) % recorded.size()));
            }
            boolean x = n % xEvery == 0;
            // X wants numeric user ids; the run's digits keep them apart from other runs' customers
            String customer = x ? run + String.format("%06d", n) : run + "-c" + n;
            threads.add(new CustomerThread(n, x ? Channel.X : Channel.WEBHOOK, customer, "f" + run + "c" + n, texts));
            total += texts.size();
        }
        return threads;
    }

    private static List<String> recordedCustomerTurns() {
        int count;
        try {
            count = new ObjectMapper().readTree(Files.readAllBytes(Workspace.find().repoRoot()
                    .resolve("mention-service/src/main/resources/replay/ibm-twitter-customer-care-sample.json"))).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> turns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedConversations.get(i).customerTurns().forEach(turn -> turns.add(turn.text()));
        }
        return turns;
    }
}
