package nl.adempauze.localstack;

/** What the front door passes a request to: the development issuer or one of the three services. */
public enum Upstream {
    ISSUER, BED_AVAILABILITY, REQUEST_MATCHING, NOTIFICATION
}
