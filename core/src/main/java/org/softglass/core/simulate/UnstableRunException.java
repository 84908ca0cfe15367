package org.softglass.core.simulate;

/** A run became unstable (NaN or exploding energy); the message says where. */
public final class UnstableRunException extends IllegalStateException {
    public UnstableRunException(String message) { super(message); }
}
