package nl.adempauze.platform.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import nl.adempauze.platform.testing.layered.api.RoomController;
import nl.adempauze.platform.testing.layered.application.RoomService;
import nl.adempauze.platform.testing.layered.domain.Room;
import nl.adempauze.platform.testing.layered.domain.RoomLookup;
import nl.adempauze.platform.testing.layered.domain.SpringRoomRule;
import nl.adempauze.platform.testing.layered.misplaced.RoomHelper;
import nl.adempauze.platform.testing.layered.persistence.RoomRepository;
import org.junit.jupiter.api.Test;

/** The layer rules pass a service that keeps them and name each break of one that does not. */
class ServiceArchitectureTest {

    private final ServiceArchitecture rules = ServiceArchitecture.of("nl.adempauze.platform.testing.layered");

    @Test
    void aServiceThatKeepsItsLayersPasses() {
        assertThatCode(() -> rules.check(classes(Room.class, RoomService.class, RoomRepository.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void aSpringImportInTheDomainFails() {
        assertThatThrownBy(() -> rules.check(classes(Room.class, SpringRoomRule.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(SpringRoomRule.class.getName())
                .hasMessageContaining("org.springframework.stereotype.Service");
    }

    @Test
    void aRepositoryInTheDomainFails() {
        assertThatThrownBy(() -> rules.check(classes(RoomLookup.class, RoomRepository.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(RoomLookup.class.getName())
                .hasMessageContaining(RoomRepository.class.getName());
    }

    @Test
    void theApiGoingStraightToPersistenceFails() {
        assertThatThrownBy(() -> rules.check(classes(Room.class, RoomController.class, RoomRepository.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("api of")
                .hasMessageContaining(RoomController.class.getName());
    }

    @Test
    void aClassOutsideTheFiveLayersFails() {
        assertThatThrownBy(() -> rules.check(classes(Room.class, RoomHelper.class)))
                .isInstanceOf(AssertionError.class).hasMessageContaining(RoomHelper.class.getName());
    }

    private static JavaClasses classes(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
