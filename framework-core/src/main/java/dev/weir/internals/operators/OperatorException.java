package dev.weir.internals.operators;

/**
 * A failure of one operator on one element: a user function threw, or a record could not be
 * (de)serialized. It carries the operator's uid for the dead-letter headers.
 */
public final class OperatorException extends RuntimeException {

    private final String operatorUid;

    public OperatorException(String operatorUid, Throwable cause) {
        super("operator '" + operatorUid + "' failed: " + cause, cause);
        this.operatorUid = operatorUid;
    }

    /** {@code failure} as thrown by {@code operatorUid}, unless a downstream operator already claimed it. */
    public static OperatorException wrap(String operatorUid, Throwable failure) {
        return failure instanceof OperatorException ? (OperatorException) failure : new OperatorException(operatorUid, failure);
    }

    public String operatorUid() {
        return operatorUid;
    }
}
