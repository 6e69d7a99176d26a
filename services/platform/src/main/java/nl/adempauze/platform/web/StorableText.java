package nl.adempauze.platform.web;

/**
 * Text PostgreSQL stores exactly as sent: no NUL character (a TEXT column cannot hold one; storing it fails the
 * statement) and no unpaired surrogate (the driver would store '?' in its place).
 */
public final class StorableText {

    public static final String REFUSAL = "must not contain a NUL character or an unpaired surrogate";

    private StorableText() {
    }

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
