package io.switchboard.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Whether a port is free to listen on, or has a server answering on localhost. */
final class PortCheck {

    private PortCheck() {
    }

    /** True when nothing listens on the port on any address (binding the wildcard address fails otherwise). */
    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // a socket of a stopped server in TIME_WAIT does not count
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(String what, int port) {
        if (!free(port)) {
            throw PlatformException.conflict(what + " port " + port + " is already in use by another process"
                    + " (see which with: ss -ltnp 'sport = :" + port + "')");
        }
    }

    static boolean answering(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
