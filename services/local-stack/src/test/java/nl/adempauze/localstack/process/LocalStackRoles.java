package nl.adempauze.localstack.process;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import nl.adempauze.bedavailability.BedAvailabilityApplication;
import nl.adempauze.notification.NotificationApplication;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The main of a child JVM of the process stack (see {@link ChildJvm}): one service, or the Kafka broker. Test code:
 * the runnable local stack runs everything in one JVM.
 */
public final class LocalStackRoles {

    public static final String SERVICE = "service";
    public static final String KAFKA_BROKER = "kafka-broker";

    /** The services by the name they run under, each with its Spring Boot main. */
    public static final Map<String, Function<String[], ConfigurableApplicationContext>> SERVICES = Map.of(
            "bed-availability", BedAvailabilityApplication::run,
            "request-matching", RequestMatchingApplication::run,
            "notification", NotificationApplication::run);

    private LocalStackRoles() {
    }

    /** Runs the role the arguments name: {@code service <name> <Spring arguments...>} or {@code kafka-broker <file>}. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("No role; one of " + SERVICE + ", " + KAFKA_BROKER);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case SERVICE -> {
                Function<String[], ConfigurableApplicationContext> service = SERVICES.get(rest[0]);
                if (service == null) {
                    throw new IllegalArgumentException("No service named " + rest[0] + "; one of " + SERVICES.keySet());
                }
                service.apply(Arrays.copyOfRange(rest, 1, rest.length));
            }
            case KAFKA_BROKER -> kafka.Kafka.main(new String[] {rest[0]});
            default -> throw new IllegalArgumentException("No role named " + args[0]);
        }
    }
}
