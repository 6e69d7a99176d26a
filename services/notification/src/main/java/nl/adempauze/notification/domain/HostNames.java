package nl.adempauze.notification.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to its addresses: the one name lookup a webhook attempt makes ({@link WebhookTargets}). A
 * seam so tests can answer as a rebinding DNS server would (a public address first, loopback after).
 */
@FunctionalInterface
public interface HostNames {

    /** The system's resolver. */
    HostNames SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
