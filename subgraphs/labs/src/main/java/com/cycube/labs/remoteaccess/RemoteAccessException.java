package com.cycube.labs.remoteaccess;

/** Remote access could not be set up or removed now; the driver tries again on a later tick. */
public class RemoteAccessException extends RuntimeException {

    public RemoteAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
