package nl.adempauze.notification.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Shift bodies for the rota API, for people who exist only in one test (unique ids, addresses and numbers). */
public final class Rotas {

    private Rotas() {
    }

    /** A coordinator of its own: user id, e-mail address and a Dutch mobile number no other test uses. */
    public record Person(String userId, String email, String phone) {

        public static Person unique(String name) {
            String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
            String digits = String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(),
                    90_000_000L) + 10_000_000L);
            return new Person(id, id + "@coordinatiepunt.test", "06" + digits.substring(0, 8));
        }

        /** The number as the service stores and sends it. */
        public String e164() {
            return "+31" + phone.substring(1);
        }

        public Map<String, Object> body() {
            return Map.of("userId", userId, "email", email, "phone", phone);
        }
    }

    public static Map<String, Object> shift(Instant startsAt, Instant endsAt, Person primary, Person backup) {
        Map<String, Object> body = new HashMap<>();
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("primary", primary.body());
        if (backup != null) {
            body.put("backup", backup.body());
        }
        return body;
    }

    public static String uniqueRegion() {
        return "regio-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
