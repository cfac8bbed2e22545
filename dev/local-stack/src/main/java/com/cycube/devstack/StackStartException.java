package com.cycube.devstack;

/** A part of the local stack could not be started; the message says which, why, and ends with the tail of its log. */
public class StackStartException extends RuntimeException {

    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
