package obsgrader.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Host ports held while a case is graded, so that a compose file publishing them meets a port already taken. */
final class BusyPorts implements AutoCloseable {
    private final List<ServerSocket> held = new ArrayList<>();

    /** Takes each port on every interface; one something else holds already is as busy as the case needs. */
    static BusyPorts hold(List<Integer> ports) {
        BusyPorts busy = new BusyPorts();
        for (int port : ports) {
            try {
                ServerSocket socket = new ServerSocket();
                try {
                    socket.bind(new InetSocketAddress(port));
                    busy.held.add(socket);
                } catch (BindException alreadyTaken) {
                    socket.close();
                }
            } catch (IOException e) {
                busy.close();
                throw new UncheckedIOException("cannot hold port " + port, e);
            }
        }
        return busy;
    }

    @Override
    public void close() {
        for (ServerSocket socket : held) {
            try {
                socket.close();
            } catch (IOException e) {
                // the port is freed when the JVM exits anyway
            }
        }
    }
}
