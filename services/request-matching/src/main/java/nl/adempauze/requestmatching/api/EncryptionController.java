package nl.adempauze.requestmatching.api;

import nl.adempauze.platform.security.Caller;
import nl.adempauze.requestmatching.application.EncryptionRotation;
import nl.adempauze.requestmatching.application.RequestAccess;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The key rotation for operators (admins): after a new key was added to the keyring and made active, re-seals every
 * stored value with it; the answer counts the values per key, so an older key may go once it seals none.
 */
@RestController
public class EncryptionController {

    private final EncryptionRotation rotation;

    public EncryptionController(EncryptionRotation rotation) {
        this.rotation = rotation;
    }

    @PostMapping("/api/v1/encryption/rotation")
    public Mono<EncryptionRotation.Report> rotate(Caller caller) {
        return Mono.defer(() -> {
            Access.require(RequestAccess.rotateKeys(caller), "Encryption keys", "rotation");
            return rotation.rotate(Access.actor(caller));
        });
    }
}
