package nl.adempauze.notification.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import nl.adempauze.notification.domain.HostNames;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Name resolution for the service under test, which has no DNS here: the subscribers' example systems
 * ({@code *.example.org}) resolve to a public address that is never routed (TEST-NET-3), {@code *.invalid} to
 * nothing, anything else (localhost, the test receivers) as the system resolves it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestHostNames {

    public static final String UNROUTED_PUBLIC_ADDRESS = "203.0.113.7";

    public static List<InetAddress> resolve(String host) throws UnknownHostException {
        if (host.endsWith(".example.org")) {
            return List.of(InetAddress.getByName(UNROUTED_PUBLIC_ADDRESS));
        }
        if (host.endsWith(".invalid")) {
            throw new UnknownHostException(host);
        }
        return HostNames.SYSTEM.resolve(host);
    }

    @Bean
    @Primary
    HostNames testHostNames() {
        return TestHostNames::resolve;
    }
}
