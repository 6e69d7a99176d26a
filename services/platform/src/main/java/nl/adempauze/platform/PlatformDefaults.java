package nl.adempauze.platform;

import java.util.HashMap;
import java.util.Map;
import nl.adempauze.platform.security.PlatformSecurityAutoConfiguration;
import nl.adempauze.platform.security.TokenRules;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service shares, at the lowest precedence so a service or deployment can still override them:
 * Kafka as raw CloudEvents bytes with an idempotent producer and bounded send times, observation across Kafka
 * hops, problem details, Flyway including the platform's tables, timeouts on every database call, health probes
 * and metrics.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    /** The {@code iss} of tokens from the local stack's development issuer. */
    public static final String DEV_ISSUER = "http://localhost:8080/auth";

    /** Whether a producer checks each event against its schema before it is stored in the outbox. */
    public static final String CHECK_ENCODED_EVENTS = "adempauze.events.check-encoded";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.kafka.producer.value-serializer",
                "org.apache.kafka.common.serialization.ByteArraySerializer");
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.producer.properties.linger.ms", "0");
        // a send is over, acknowledged or failed, within max.block.ms + delivery.timeout.ms: no later than the
        // relay's adempauze.outbox.send-timeout (5 s), so a send never outlives the batch that waits for it
        defaults.put("spring.kafka.producer.properties.max.block.ms", "2000");
        defaults.put("spring.kafka.producer.properties.request.timeout.ms", "3000");
        defaults.put("spring.kafka.producer.properties.delivery.timeout.ms", "3000");
        defaults.put("spring.kafka.consumer.key-deserializer",
                "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put("spring.kafka.consumer.value-deserializer",
                "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.properties.fetch.max.wait.ms", "100");
        // listeners take a poll at a time and apply it in one transaction (EventConsumer): at most 100 events keep
        // that transaction short (a few hundred ms at a few ms per event, far from the 30 s handling and 10 s
        // statement timeouts, and the locks it takes are held briefly), while the per-transaction cost is already
        // spread thin; when a batch fails, its events are applied again one by one, at most 100 of them
        defaults.put("spring.kafka.consumer.max-poll-records", "100");
        // a crashed instance's partitions go to the others after 10 s, not Kafka's 45 s: a crisis request whose hold
        // sat on a dead instance's partition waits that long. Heartbeats come from the client's own thread, so a
        // busy instance still sends them every 3 s.
        defaults.put("spring.kafka.consumer.properties.session.timeout.ms", "10000");
        defaults.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "3000");
        // no observation around every record: the consumer carries the record's traceparent on itself (EventConsumer),
        // so the trace still runs across the hop, without a span, a timer and a context switch per record
        defaults.put("spring.kafka.listener.observation-enabled", "false");
        defaults.put("spring.kafka.template.observation-enabled", "false");
        defaults.put("spring.reactor.context-propagation", "auto");
        // ProblemResponses renders every problem with errors[].field; Boot's own handler would answer first without.
        defaults.put("spring.webflux.problemdetails.enabled", "false");
        // strict JSON: unknown fields, wrong types, numbers for text or text for numbers, duplicate keys refused
        defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        defaults.put("spring.jackson.deserialization.fail-on-null-for-primitives", "true");
        defaults.put("spring.jackson.deserialization.fail-on-trailing-tokens", "true");
        defaults.put("spring.jackson.deserialization.accept-float-as-int", "false");
        defaults.put("spring.jackson.mapper.allow-coercion-of-scalars", "false");
        defaults.put("spring.jackson.read.strict-duplicate-detection", "true");
        // the platform's tables, then the service's own migrations under db/<service name>
        defaults.put("spring.flyway.locations", "classpath:db/platform,classpath:db/${spring.application.name}");
        // platform migrations (V1_x) come between the services' own: apply them to databases already past them
        defaults.put("spring.flyway.out-of-order", "true");
        // every database call bounded (r2dbc-postgresql sends these as session settings when it connects)
        defaults.put("spring.r2dbc.properties.statementTimeout", "10s");
        defaults.put("spring.r2dbc.properties.lockWaitTimeout", "5s");
        defaults.put("spring.r2dbc.properties.connectTimeout", "5s");
        defaults.put("spring.r2dbc.properties.options", "idle_in_transaction_session_timeout=30s");
        defaults.put("spring.r2dbc.pool.max-acquire-time", "5s");
        defaults.put("spring.r2dbc.pool.max-create-connection-time", "5s");
        defaults.put("spring.r2dbc.pool.max-validation-time", "2s");
        defaults.put("management.endpoints.web.exposure.include", "health,info,metrics,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.health.readinessstate.enabled", "true");
        defaults.put("management.health.livenessstate.enabled", "true");
        // one trace in ten kept unless the caller decided (the sampler follows a traceparent's sampled flag); a
        // sampled trace costs a span per operator on every hop, and no exporter reads them by default
        defaults.put("management.tracing.sampling.probability", "0.1");
        // the framework's security filters observed on every request: their spans and timers are read by nobody
        defaults.put("management.observations.enable.spring.security", "false");
        // producers check each event against its schema in tests (platform-testing turns it on); a running service
        // writes what its records make, and every consumer checks what it needs on the way in
        defaults.put(CHECK_ENCODED_EVENTS, "false");
        defaults.put("management.opentelemetry.tracing.export.otlp.enabled", "false");
        defaults.put("management.otlp.metrics.export.enabled", "false");
        // tokens must name this audience (aud) and expire (exp); see TokenRules
        defaults.put(PlatformSecurityAutoConfiguration.AUDIENCE, TokenRules.DEFAULT_AUDIENCE);
        severalInstances(defaults);
        if (environment.matchesProfiles(PlatformSecurityAutoConfiguration.LOCAL_PROFILE)) {
            // the local stack's development issuer (see services/local-stack): trusted in this profile only
            defaults.put(PlatformSecurityAutoConfiguration.DEV_ISSUER_ENABLED, "true");
            defaults.put("adempauze.security.dev-issuer.url", "http://localhost:8090");
            defaults.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                    "${adempauze.security.dev-issuer.url}/auth/jwks");
            defaults.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", DEV_ISSUER);
        }
        environment.getPropertySources().addLast(new MapPropertySource("adempauzePlatformDefaults", defaults));
    }

    /**
     * Several instances of a service share its work: 6 partitions per topic and one consumer per listener and
     * instance let up to 6 instances (3 with concurrency 2) each take a share (docs/CONFIGURATION.md).
     */
    private static void severalInstances(Map<String, Object> defaults) {
        defaults.put("adempauze.kafka.partitions", "6");
        defaults.put("spring.kafka.listener.concurrency", "1");
    }
}
