package dev.aei.net;

import java.util.regex.Pattern;

/** Hides credentials in text that is shown, logged or stored: URLs, error messages, lane events. */
public final class Redaction {
    /** What a hidden value is replaced with. */
    public static final String MASK = "***";

    private static final Pattern SECRET_PARAM =
            Pattern.compile("(?i)([?&;](?:token|ticket|access_token|jwt)=)[^&#\\s\"']*");
    private static final Pattern JWT =
            Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");

    private Redaction() {
    }

    /** The text with token and ticket query values, bearer values and anything JWT-shaped masked. */
    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String result = SECRET_PARAM.matcher(text).replaceAll("$1" + MASK);
        result = BEARER.matcher(result).replaceAll("$1" + MASK);
        return JWT.matcher(result).replaceAll(MASK);
    }
}
