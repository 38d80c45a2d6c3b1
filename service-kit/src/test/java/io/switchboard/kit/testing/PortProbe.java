package io.switchboard.kit.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Whether a platform server is down: its port on localhost refuses connections. */
public final class PortProbe {

    private PortProbe() {
    }

    public static boolean refuses(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return false;
        } catch (IOException refused) {
            return true;
        }
    }

    /** Waits until the port refuses connections (the server process is gone). */
    public static void awaitRefused(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (refuses(port)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Port " + port + " still accepts connections after " + timeout);
    }
}
