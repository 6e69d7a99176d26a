package nl.adempauze.notification.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where webhooks may go: to the public addresses of the subscribers' systems, not to this installation's own
 * network (loopback, private, link-local), or anyone who may subscribe could make us call internal services.
 * Checked when subscribing and again before each delivery, because DNS answers can change.
 */
public final class WebhookTargets {

    private final boolean allowPrivateNetworks;

    public WebhookTargets(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    /** Why the URL may not receive webhooks; empty when it may. Resolves the host name, so it may block. */
    public Optional<String> refusal(URI url) {
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (isInternal(address)) {
                    return Optional.of(url.getHost() + " resolves to " + address.getHostAddress()
                            + ", a local or private network address");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("host " + url.getHost() + " cannot be resolved");
        }
    }

    static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean carrierGradeNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierGradeNat;
    }
}
