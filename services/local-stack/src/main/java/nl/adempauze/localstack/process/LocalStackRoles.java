package nl.adempauze.localstack.process;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import nl.adempauze.bedavailability.BedAvailabilityApplication;
import nl.adempauze.notification.NotificationApplication;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a child JVM of the local stack can be (see {@link ChildJvm}): one service, the Kafka broker, or the one-off
 * formatting of the broker's log.
 */
public final class LocalStackRoles {

    public static final String SERVICE = "service";
    public static final String KAFKA_BROKER = "kafka-broker";
    public static final String KAFKA_FORMAT = "kafka-format";

    /** The services by the name they run under, each with its Spring Boot main. */
    public static final Map<String, Function<String[], ConfigurableApplicationContext>> SERVICES = Map.of(
            "bed-availability", BedAvailabilityApplication::run,
            "request-matching", RequestMatchingApplication::run,
            "notification", NotificationApplication::run);

    private LocalStackRoles() {
    }

    /** Runs the role the arguments name and answers true, or answers false when they name none. */
    public static boolean run(String[] args) throws Exception {
        if (args.length == 0) {
            return false;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case SERVICE -> {
                Function<String[], ConfigurableApplicationContext> service = SERVICES.get(rest[0]);
                if (service == null) {
                    throw new IllegalArgumentException("No service named " + rest[0] + "; one of " + SERVICES.keySet());
                }
                service.apply(Arrays.copyOfRange(rest, 1, rest.length));
                return true;
            }
            case KAFKA_BROKER -> {
                kafka.Kafka.main(new String[] {rest[0]});
                return true;
            }
            case KAFKA_FORMAT -> {
                kafka.tools.StorageTool.main(new String[] {"format", "--ignore-formatted", "-t", rest[1], "-c", rest[0]});
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
