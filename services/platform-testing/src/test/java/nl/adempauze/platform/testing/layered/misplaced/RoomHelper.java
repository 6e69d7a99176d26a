package nl.adempauze.platform.testing.layered.misplaced;

/** Breaks the rule: in no layer. */
public class RoomHelper {
}
