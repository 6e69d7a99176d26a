package nl.adempauze.bedavailability.api;

import java.util.List;
import java.util.function.Consumer;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.platform.testing.MalformedBodyCheck;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Every administration endpoint against malformed bodies (every field missing or of a wrong kind, unknown fields,
 * broken JSON, random corruption), sent by an administrator of the region so that the body decides the answer:
 * never a 5xx, always a problem, and a refusal stores nothing. Works in region Salland (a copy of Twente's seed).
 */
class AdministrationMalformedBodiesTest extends BedAvailabilityIntegrationTest {

    private static final String SALLAND = "salland";
    private static final String LOCATION = "loc-salland-enschede-het-twentse-hof";
    private static final int RANDOM_VARIANTS = 2;
    private static final Consumer<HttpHeaders> ADMIN = TestTokens.as(TestTokens.token("admin@salland",
            List.of("ADMIN"), "beheer", List.of(SALLAND)));
    private static final String DETAILS = """
            {"providerId":"zorggroep-twentse-hof","providerName":"Zorggroep Twentse Hof","name":"Het Twentse Hof",
             "address":{"street":"Hofstraat 4","postcode":"7511 AB","city":"Enschede"},"municipality":"Enschede",
             "latitude":52.223,"longitude":6.895,"features":["DEMENTIA"],
             "contracts":[{"funder":"menzis","careTypes":["ELV_HOOG"]}]}""";

    @Test
    void locationsRefuseMalformedBodiesWithAProblemAndStoreNothing() {
        startWithSeedFiles("classpath:seeds/salland.json");
        awaitQuiet();
        check(HttpMethod.POST, "/api/v1/admin/regions/" + SALLAND + "/locations",
                "{\"id\":\"loc-salland-malformed\",\"details\":" + DETAILS + ",\"beds\":{\"ELV_HOOG\":1}}");
        check(HttpMethod.PUT, "/api/v1/admin/locations/" + LOCATION, DETAILS);
        check(HttpMethod.PUT, "/api/v1/admin/locations/" + LOCATION + "/status", "{\"open\":true,\"reason\":\"x\"}");
        check(HttpMethod.PUT, "/api/v1/admin/regions/" + SALLAND + "/providers/zorggroep-twentse-hof",
                "{\"name\":\"Zorggroep Twentse Hof\"}");
    }

    @Test
    void theRegionsConfigurationRefusesMalformedBodiesWithAProblemAndStoresNothing() {
        startWithSeedFiles("classpath:seeds/salland.json");
        awaitQuiet();
        String region = "/api/v1/admin/regions/" + SALLAND;
        check(HttpMethod.PUT, region + "/settings", "{\"name\":\"Salland\",\"freshnessWindowMinutes\":720}");
        check(HttpMethod.PUT, region + "/care-types/WMO_LOGEER", """
                {"name":"Logeeropvang","fundingStream":"WMO","defaultUrgency":"PLANNED","crisisResponseMinutes":30,
                 "plannedResponseMinutes":1440,"admissionDeadlineHours":24,"plannedBooking":true,"minStayNights":1,
                 "maxStayNights":14,"protection":{"protectedBeds":null,"protectedShare":0.5,"releaseHorizonHours":48}}""");
        check(HttpMethod.PUT, region + "/neighbours", "{\"neighbours\":[{\"region\":\"drenthe\",\"offerWhenFull\":false}]}");
        check(HttpMethod.PUT, region + "/triage", """
                {"questions":[{"code":"WAKEFUL_EYE","text":"Wakend oog nodig?","help":null}],
                 "rules":[{"id":"r1","when":{"WAKEFUL_EYE":"YES"},"outcome":"CARE_TYPE","careType":"ELV_HOOG",
                           "advice":null,"explanation":"Wakend oog: ELV hoog"}],
                 "conflicts":[]}""");
        check(HttpMethod.PUT, region + "/funders/gemeente-hengelo",
                "{\"name\":\"Gemeente Hengelo\",\"fundingStream\":\"WMO\",\"municipality\":\"Hengelo\"}");
    }

    private void check(HttpMethod method, String uri, String validBody) {
        MalformedBodyCheck.check(web, db, method, uri, ADMIN, validBody, RANDOM_VARIANTS);
        awaitQuiet();
    }
}
