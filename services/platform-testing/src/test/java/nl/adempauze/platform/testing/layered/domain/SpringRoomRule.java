package nl.adempauze.platform.testing.layered.domain;

import org.springframework.stereotype.Service;

/** Breaks the rule: a domain class that is a Spring bean. */
@Service
public class SpringRoomRule {
}
