package ibinit.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** An HTTP server on 127.0.0.1, random port, for download tests; never a real host. */
final class LoopbackServer implements AutoCloseable {
    final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/"; }

    /** Serves {@code body} at {@code path} with status 200. */
    LoopbackServer serve(String path, byte[] body) {
        server.createContext(path, ex -> { requests.incrementAndGet(); respond(ex, 200, body, body.length); });
        return this;
    }

    /** Promises {@code body.length + missing} bytes, sends {@code body}, then drops the connection. */
    LoopbackServer serveShort(String path, byte[] body, int missing) {
        server.createContext(path, ex -> { requests.incrementAndGet(); respond(ex, 200, body, body.length + missing); });
        return this;
    }

    LoopbackServer status(String path, int status) {
        byte[] body = ("status " + status).getBytes();
        server.createContext(path, ex -> { requests.incrementAndGet(); respond(ex, status, body, body.length); });
        return this;
    }

    private static void respond(HttpExchange ex, int status, byte[] body, long length) throws IOException {
        ex.sendResponseHeaders(status, length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        } // closing short of the promised length makes the server close the connection
    }

    @Override public void close() { server.stop(0); }
}
