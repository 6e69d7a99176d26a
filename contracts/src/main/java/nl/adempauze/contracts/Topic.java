package nl.adempauze.contracts;

/** A Kafka topic, written only by its owning service; poison records go to its dead-letter topic. */
public record Topic(String name, String owner) {

    public String deadLetter() {
        return name + ".DLT";
    }
}
