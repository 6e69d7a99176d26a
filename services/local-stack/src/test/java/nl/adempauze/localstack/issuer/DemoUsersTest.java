package nl.adempauze.localstack.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.adempauze.platform.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * seeds/demo-users.json holds the users the README and the end-to-end tests sign in as, and fits the demo region:
 * every provider of the demo regions (seeds/drenthe.json and its neighbour seeds/groningen.json) has a user (any
 * location may get an offer to answer).
 */
class DemoUsersTest {

    private static final DemoUsers USERS = DemoUsers.read(DevIssuerTest.usersFile().toUri().toString());

    @Test
    void everyProviderOfTheDemoRegionHasAUserAndNoUserActsForAnUnknownProvider() throws Exception {
        Set<String> providers = new TreeSet<>();
        for (String region : List.of("drenthe.json", "groningen.json")) {
            Path file = DevIssuerTest.usersFile().resolveSibling(region);
            Map<?, ?> seed = JsonMapper.builder().build().readValue(Files.readString(file), Map.class);
            ((List<?>) seed.get("locations")).stream()
                    .map(location -> (String) ((Map<?, ?>) location).get("providerId"))
                    .forEach(providers::add);
        }
        Set<String> providerUsers = USERS.all().stream().filter(user -> user.has(Role.PROVIDER)).map(DemoUser::org)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(providerUsers).isEqualTo(providers);
    }

    @Test
    void theUsersTheReadmeNamesAreThere() {
        assertThat(USERS.find("huisarts-assen")).hasValueSatisfying(user -> {
            assertThat(user.roles()).containsExactly("REFERRER");
            assertThat(user.org()).isEqualTo("huisartsenpost-drenthe");
        });
        assertThat(USERS.find("transferpunt-wza")).hasValueSatisfying(user -> {
            assertThat(user.roles()).containsExactly("REFERRER");
            assertThat(user.org()).isEqualTo("wza-transferpunt");
        });
        assertThat(USERS.find("respijtconsulent-emmen")).hasValueSatisfying(user ->
                assertThat(user.roles()).containsExactly("REFERRER"));
        assertThat(USERS.find("planner-zorggroep-drentse-aa")).hasValueSatisfying(user -> {
            assertThat(user.roles()).containsExactly("PROVIDER");
            assertThat(user.org()).isEqualTo("zorggroep-drentse-aa");
        });
        assertThat(USERS.find("coordinator-drenthe")).hasValueSatisfying(user -> {
            assertThat(user.roles()).containsExactly("COORDINATOR");
            assertThat(user.regions()).containsExactly("drenthe");
        });
        assertThat(USERS.find("coordinator-groningen")).hasValueSatisfying(user -> {
            assertThat(user.roles()).containsExactly("COORDINATOR");
            assertThat(user.regions()).doesNotContain("drenthe").isNotEmpty();
        });
        assertThat(USERS.find("admin")).hasValueSatisfying(user -> {
            assertThat(user.roles()).containsExactly("ADMIN");
            assertThat(user.regions()).as("the regions it administers").containsExactly("drenthe");
        });
        assertThat(USERS.find("admin-groningen")).hasValueSatisfying(user -> {
            assertThat(user.roles()).containsExactly("ADMIN");
            assertThat(user.regions()).containsExactly("groningen");
        });
        Set<String> referrerOrganisations = USERS.all().stream().filter(user -> user.has(Role.REFERRER))
                .map(DemoUser::org).collect(Collectors.toSet());
        assertThat(referrerOrganisations).as("referrers of different organisations").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyTheDemoSecretSignsIn() {
        assertThat(USERS.authenticate("huisarts-assen", "demo")).isPresent();
        assertThat(USERS.authenticate("huisarts-assen", "Demo")).isEmpty();
        assertThat(USERS.authenticate("huisarts-assen", null)).isEmpty();
        assertThat(USERS.authenticate("onbekend", "demo")).isEmpty();
        assertThat(USERS.authenticate(null, "demo")).isEmpty();
    }

    @Test
    void aBrokenUsersFileStopsTheIssuerNamingTheProblem() {
        assertThatThrownBy(() -> DemoUsers.parse(users("""
                {"id": "x", "name": "X", "roles": ["SUPERUSER"], "org": "o"}"""), "test"))
                .hasMessageContaining("SUPERUSER");
        assertThatThrownBy(() -> DemoUsers.parse(users("""
                {"id": "c", "name": "C", "roles": ["COORDINATOR"], "org": "o"}"""), "test"))
                .hasMessageContaining("regions");
        assertThatThrownBy(() -> DemoUsers.parse(users("""
                {"id": "r", "name": "R", "roles": ["REFERRER"]}"""), "test"))
                .hasMessageContaining("org");
        assertThatThrownBy(() -> DemoUsers.parse(users("""
                {"id": "r", "name": "R", "roles": ["REFERRER"], "org": "o"},
                {"id": "r", "name": "R2", "roles": ["REFERRER"], "org": "o"}"""), "test"))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> DemoUsers.parse(users("""
                {"id": "r", "name": "R", "roles": ["REFERRER"], "org": "o", "password": "x"}"""), "test"))
                .hasMessageContaining("password");
        assertThatThrownBy(() -> DemoUsers.parse("{\"users\": []}", "test")).hasMessageContaining("No demo users");
    }

    private static String users(String entries) {
        return "{\"users\": [" + entries + "]}";
    }
}
