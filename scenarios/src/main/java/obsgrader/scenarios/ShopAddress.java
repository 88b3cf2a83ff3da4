package obsgrader.scenarios;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Where the load goes: the stack's nginx on this machine's loopback interface, and nowhere else. */
public final class ShopAddress {
    /** The system property naming the nginx to load, e.g. {@code http://127.0.0.1:32775}. */
    static final String PROPERTY = "shop.url";

    private ShopAddress() {
    }

    /** The nginx of the current run ({@code -Dshop.url}, the lab's {@code http://127.0.0.1:80} by default). */
    static URI current() {
        return loopback(System.getProperty(PROPERTY, "http://127.0.0.1:80"));
    }

    /** Points the next simulations at this nginx. */
    static void use(URI shop) {
        System.setProperty(PROPERTY, loopback(shop.toString()).toString());
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
        throw new IllegalArgumentException(PROPERTY + "=" + url + " is not a loopback address: the load goes to the "
                + "stack's nginx on 127.0.0.1 only");
    }
}
