package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    private final WebhookTargets production = new WebhookTargets(false);
    private final WebhookTargets localStack = new WebhookTargets(true);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8081/api/v1/holds/x/admission", "http://localhost/hook",
            "http://10.1.2.3/hook", "http://172.16.0.5/hook", "http://192.168.1.10/hook",
            "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://[fd00::1]/hook",
            "http://100.64.0.1/hook", "http://0.0.0.0/hook"})
    void internalAddressesAreRefusedInProduction(String url) {
        assertThat(production.refusal(URI.create(url))).hasValueSatisfying(reason ->
                assertThat(reason).contains("local or private network address"));
        assertThat(localStack.refusal(URI.create(url))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/adempauze", "http://[2001:4860:4860::8888]/hook"})
    void publicAddressesAreAllowed(String url) {
        assertThat(production.refusal(URI.create(url))).isEmpty();
    }
}
