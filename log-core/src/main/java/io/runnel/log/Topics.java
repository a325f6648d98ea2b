package io.runnel.log;

/** Rules for topic names, the same as Kafka's: 1-249 characters of {@code [a-zA-Z0-9._-]}, not "." or "..". */
public final class Topics {

    public static final int MAX_NAME_LENGTH = 249;

    private Topics() {
    }

    public static void validateName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new InvalidTopicException("Topic name '" + name + "' is not allowed");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidTopicException("Topic name is longer than " + MAX_NAME_LENGTH + " characters: " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                throw new InvalidTopicException("Topic name '" + name + "' has the character '" + c
                        + "'; allowed are ASCII letters, digits, '.', '_' and '-'");
            }
        }
    }
}
