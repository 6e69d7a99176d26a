package nl.adempauze.notification.api;

import nl.adempauze.notification.domain.Contact;

/** A coordinator on a shift: user id, e-mail address and mobile number (checked by {@link Contact#of}). */
public record ContactRequest(String userId, String email, String phone) {

    Contact toContact(String field) {
        return Contact.of(field, userId, email, phone);
    }
}
