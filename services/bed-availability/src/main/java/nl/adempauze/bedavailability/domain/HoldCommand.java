package nl.adempauze.bedavailability.domain;

/** What can happen to a hold once it exists: the offer is accepted or ends, the patient arrives and leaves. */
public enum HoldCommand {
    ACCEPT("accepted"), RELEASE("released"), ADMIT("admitted"), DISCHARGE("discharged");

    private final String done;

    HoldCommand(String done) {
        this.done = done;
    }

    /** The command as a past participle, as a refusal says it ("cannot be admitted"). */
    public String done() {
        return done;
    }
}
