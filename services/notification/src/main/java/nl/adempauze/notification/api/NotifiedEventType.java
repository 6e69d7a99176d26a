package nl.adempauze.notification.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nl.adempauze.notification.domain.NotifiedEvents;

/** The name of an event type this service notifies about (see {@link NotifiedEvents}). */
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotifiedEventType.Validator.class)
public @interface NotifiedEventType {

    String message() default "must be a notified event type: OfferMade, OfferAccepted, OfferDeclined, OfferExpired, "
            + "OfferWithdrawn, RequestSubmitted, RequestMatched, RequestEscalated, RequestCancelled, "
            + "RequestWaitlisted, StayBooked, StayReminderIssued, ProtectionOverridden, WaitingPriorityRaised, "
            + "CareTypeChanged, CapacityPublished, CapacityAdjusted, NightCapacityPublished, NightCapacityAdjusted, RegionConfigured, "
            + "LocationRegistered or LocationStatusChanged";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotifiedEventType, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return NotifiedEvents.isNotified(value);
        }
    }
}
