package obsgrader.scenarios;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Where a run's load goes, and how much: the stack's nginx on this machine's loopback interface, and nowhere else. */
public record LoadTarget(URI shop, Knobs knobs) {
    public LoadTarget {
        shop = loopback(shop.toString());
    }

    /** The URL, refused unless it names this machine's loopback interface. */
    static URI loopback(String url) {
        URI uri = URI.create(url);
        try {
            if (uri.getHost() != null && InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                return uri;
            }
        } catch (UnknownHostException e) {
            // an unknown host is refused below like any other non-loopback address
        }
        throw new IllegalArgumentException(url + " is not a loopback address: the load goes to the stack's nginx on "
                + "127.0.0.1 only");
    }
}
