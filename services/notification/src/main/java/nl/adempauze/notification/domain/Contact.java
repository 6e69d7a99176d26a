package nl.adempauze.notification.domain;

import java.util.Locale;
import java.util.regex.Pattern;
import nl.adempauze.platform.domain.DomainException;

/**
 * A coordinator on a shift and where a page reaches them: an e-mail address and a mobile number, the latter kept in
 * E.164 form ({@code +31612345678}). Built only through {@link #of}, which refuses malformed channels naming the
 * field (e.g. {@code primary.email}).
 */
public record Contact(String userId, String email, String phone) {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    /** One address, no display name, no whitespace or line breaks (which could add mail headers). */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern DUTCH_MOBILE = Pattern.compile("06[1-9]\\d{7}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    /** Checks and normalises; {@code field} is the prefix the refusal names ({@code primary}, {@code backup}). */
    public static Contact of(String field, String userId, String email, String phone) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw DomainException.invalidField(field + ".userId",
                    "must be a user id of 1 to 100 letters, digits, '.', '_', '@' or '-'");
        }
        return new Contact(userId, email(field + ".email", email), mobile(field + ".phone", phone));
    }

    static String email(String field, String value) {
        if (value == null || value.length() > 254 || !EMAIL.matcher(value.trim()).matches()) {
            throw DomainException.invalidField(field, "must be an e-mail address such as naam@example.nl");
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /** A Dutch mobile number (06..., +316..., 00316...) or any E.164 number; spaces and dashes are ignored. */
    static String mobile(String field, String value) {
        String digits = value == null ? "" : value.replaceAll("[\\s-]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (DUTCH_MOBILE.matcher(digits).matches()) {
            return "+31" + digits.substring(1);
        }
        if (E164.matcher(digits).matches() && (!digits.startsWith("+31") || digits.matches("\\+316[1-9]\\d{7}"))) {
            return digits;
        }
        throw DomainException.invalidField(field,
                "must be a mobile number: a Dutch 06 number (0612345678, +31612345678) or E.164 (+4915112345678)");
    }
}
