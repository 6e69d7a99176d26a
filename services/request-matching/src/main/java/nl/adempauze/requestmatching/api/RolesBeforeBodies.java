package nl.adempauze.requestmatching.api;

import static nl.adempauze.platform.security.Role.ADMIN;
import static nl.adempauze.platform.security.Role.COORDINATOR;
import static nl.adempauze.platform.security.Role.PROVIDER;
import static nl.adempauze.platform.security.Role.REFERRER;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import nl.adempauze.platform.security.RoleRequirements;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The roles each endpoint that takes a body needs at all (docs/SECURITY.md, the request-matching rows), checked
 * before the body is read: a provider posting a request gets 403 whatever it sends, not a 400 about its body. The
 * controllers (with {@code RequestAccess}) still decide everything finer: organisation, region, the request's owner.
 */
@Configuration(proxyBeanMethods = false)
class RolesBeforeBodies {

    @Bean
    RoleRequirements requestMatchingRoles() {
        return new RoleRequirements()
                .require(POST, "/api/v1/requests", REFERRER, COORDINATOR)
                .require(PUT, "/api/v1/requests/*/patient", REFERRER, COORDINATOR)
                .require(PUT, "/api/v1/requests/*/handover", REFERRER, COORDINATOR)
                .require(POST, "/api/v1/requests/*/cancel", REFERRER, COORDINATOR)
                .require(POST, "/api/v1/requests/*/protection-override", COORDINATOR)
                .require(POST, "/api/v1/requests/*/priority", COORDINATOR)
                .require(POST, "/api/v1/requests/*/manual-offer", COORDINATOR)
                .require(POST, "/api/v1/requests/*/care-type", COORDINATOR)
                .require(POST, "/api/v1/requests/*/queue/pause", COORDINATOR)
                .require(POST, "/api/v1/requests/*/queue/resume", COORDINATOR)
                .require(POST, "/api/v1/offers/*/accept", PROVIDER)
                .require(POST, "/api/v1/offers/*/decline", PROVIDER)
                .require(POST, "/api/v1/regions/*/triage", REFERRER, COORDINATOR)
                .require(POST, "/api/v1/regions/*/what-if", COORDINATOR, ADMIN);
    }
}
