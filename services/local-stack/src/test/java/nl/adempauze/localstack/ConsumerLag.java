package nl.adempauze.localstack;

import java.util.List;
import java.util.Map;
import nl.adempauze.platform.messaging.ConsumerGroupLag;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** How far a consumer group is behind on a topic: lets a test wait until a service has read everything. */
final class ConsumerLag {

    private ConsumerLag() {
    }

    static long of(String bootstrapServers, String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return ConsumerGroupLag.of(admin, group, List.of(topic));
        }
    }
}
