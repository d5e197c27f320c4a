package dev.onair.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A deliberately small HTTP/1.1 client for load generation: form POSTs over a fixed pool of
 * keep-alive connections, bytes in, status out. It costs the load generator a few microseconds a
 * request, where java.net.http costs a sizeable share of a core at hundreds of requests a second
 * on the same two cores as the server under test.
 */
final class RawHttp implements AutoCloseable {

    private final BlockingQueue<Connection> idle;
    private final String host;
    private final int port;

    RawHttp(String host, int port, int connections) {
        this.host = host;
        this.port = port;
        this.idle = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            idle.add(new Connection());
        }
    }

    /** POSTs {@code form} to {@code pathAndQuery}; waits for a free connection first. Returns the status. */
    int post(String pathAndQuery, String form) throws IOException, InterruptedException {
        Connection connection = idle.take();
        try {
            return connection.post(pathAndQuery, form);
        } finally {
            idle.add(connection);
        }
    }

    @Override
    public void close() {
        for (Connection connection : idle) {
            connection.close();
        }
    }

    private final class Connection {

        private Socket socket;
        private InputStream in;
        private OutputStream out;

        int post(String pathAndQuery, String form) throws IOException {
            byte[] body = form.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int attempt = 0; ; attempt++) {
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.connect(new InetSocketAddress(host, port), 5_000);
                        socket.setSoTimeout(30_000);
                        in = new BufferedInputStream(socket.getInputStream(), 8192);
                        out = socket.getOutputStream();
                    }
                    byte[] request = new byte[head.length + body.length];
                    System.arraycopy(head, 0, request, 0, head.length);
                    System.arraycopy(body, 0, request, head.length, body.length);
                    out.write(request);
                    out.flush();
                    return readResponse();
                } catch (IOException e) {
                    close();
                    if (attempt > 0) {
                        throw e;
                    }
                }
            }
        }

        private int readResponse() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closeAfter = true;
                }
            }
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            if (closeAfter) {
                close();
            }
            return code;
        }

        private void skip(int bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
