package nl.adempauze.notification.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where webhooks may go: to the public addresses of the subscribers' systems, not to this installation's own
 * network (loopback, private, link-local), or anyone who may subscribe could make us call internal services.
 * Checked when subscribing and again before each delivery, because DNS answers can change. The host is resolved
 * once per check and the address checked is the one to connect to: resolving again to connect would let a DNS
 * answer that changes in between (DNS rebinding) reach an internal address.
 */
public final class WebhookTargets {

    /**
     * Why a target is refused, the same for every reason: it names no address, so refusals tell nothing about
     * this installation's network or its DNS.
     */
    public static final String REFUSAL = "Webhooks are sent only to hosts that resolve to public internet addresses";

    private final boolean allowPrivateNetworks;
    private final HostNames names;

    public WebhookTargets(boolean allowPrivateNetworks, HostNames names) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.names = names;
    }

    /**
     * The address to connect to for the URL (its host resolved once, every address it resolves to checked), or
     * empty when webhooks may not go there (an internal address, or a host that does not resolve). Resolves the host
     * name, so it may block.
     */
    public Optional<InetAddress> checkedAddress(URI url) {
        List<InetAddress> addresses;
        try {
            addresses = names.resolve(hostOf(url));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        if (addresses.isEmpty() || (!allowPrivateNetworks && addresses.stream().anyMatch(WebhookTargets::isInternal))) {
            return Optional.empty();
        }
        return Optional.of(addresses.get(0));
    }

    /** The URL's host as a name to resolve: an IPv6 literal without its brackets. */
    public static String hostOf(URI url) {
        String host = url.getHost();
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
                : host;
    }

    static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean carrierGradeNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierGradeNat;
    }
}
