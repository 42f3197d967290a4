package dev.weir.config;

/**
 * A configuration mistake, found at start-up. The message names the property and says what
 * is wrong with its value.
 */
public class WeirConfigException extends RuntimeException {

    private final String property;

    /** A mistake in {@code property}. */
    public WeirConfigException(String property, String problem) {
        super(property + ": " + problem);
        this.property = property;
    }

    /** A mistake in {@code property}, found through {@code cause}. */
    public WeirConfigException(String property, String problem, Throwable cause) {
        super(property + ": " + problem, cause);
        this.property = property;
    }

    /** The property at fault, such as {@code weir.application-id}. */
    public String property() {
        return property;
    }
}
