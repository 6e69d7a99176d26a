package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    private final WebhookTargets production = new WebhookTargets(false, HostNames.SYSTEM);
    private final WebhookTargets localStack = new WebhookTargets(true, HostNames.SYSTEM);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8081/api/v1/holds/x/admission", "http://localhost/hook",
            "http://10.1.2.3/hook", "http://172.16.0.5/hook", "http://192.168.1.10/hook",
            "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://[fd00::1]/hook",
            "http://100.64.0.1/hook", "http://0.0.0.0/hook"})
    void internalAddressesAreRefusedInProduction(String url) {
        assertThat(production.checkedAddress(URI.create(url))).isEmpty();
        assertThat(localStack.checkedAddress(URI.create(url))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/adempauze", "http://[2001:4860:4860::8888]/hook"})
    void publicAddressesAreAllowedAndAreTheAddressToConnectTo(String url) throws UnknownHostException {
        assertThat(production.checkedAddress(URI.create(url)))
                .contains(InetAddress.getByName(WebhookTargets.hostOf(URI.create(url))));
    }

    @Test
    void theHostIsResolvedOnceAndTheAddressCheckedIsTheOneToConnectTo() throws UnknownHostException {
        InetAddress publicAddress = InetAddress.getByName("93.184.216.34");
        List<String> asked = new ArrayList<>();
        WebhookTargets targets = new WebhookTargets(false, host -> {
            asked.add(host);
            return List.of(publicAddress);
        });

        assertThat(targets.checkedAddress(URI.create("https://hooks.example.org:8443/in"))).contains(publicAddress);
        assertThat(asked).containsExactly("hooks.example.org");
    }

    @Test
    void aHostWithAnyInternalAddressOrNoneIsRefused() throws UnknownHostException {
        InetAddress publicAddress = InetAddress.getByName("93.184.216.34");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        URI url = URI.create("https://hooks.example.org/in");

        assertThat(new WebhookTargets(false, host -> List.of(publicAddress, loopback)).checkedAddress(url)).isEmpty();
        assertThat(new WebhookTargets(false, host -> List.of()).checkedAddress(url)).isEmpty();
        assertThat(new WebhookTargets(true, host -> {
            throw new UnknownHostException(host);
        }).checkedAddress(url)).as("even where private networks are allowed, a name must resolve").isEmpty();
    }

    @Test
    void theRefusalNamesNoAddress() {
        assertThat(WebhookTargets.REFUSAL).doesNotContainPattern("[0-9]+\\.[0-9]+").doesNotContain("localhost")
                .doesNotContain("resolves to");
    }
}
