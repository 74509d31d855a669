package io.synapsebridge.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port checks for the embedded services. */
public final class Ports {
    private Ports() {
    }

    /** A port that is free on loopback right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevStackException("no free port on loopback: " + e.getMessage(), e);
        }
    }

    /**
     * {@code port} itself if it is free on loopback, a free port if it is 0.
     *
     * @throws DevStackException naming the port when it is taken or out of range
     */
    public static int requireFree(String what, int port) {
        if (port == 0) {
            return freePort();
        }
        if (port < 1 || port > 65535) {
            throw new DevStackException(what + " port " + port + " is out of range (1-65535, or 0 for any free port)");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return port;
        } catch (IOException e) {
            throw new DevStackException(what + " port " + port + " is already in use on 127.0.0.1", e);
        }
    }
}
