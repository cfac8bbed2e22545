package com.cycube.labs.remoteaccess;

/** A remote-access connection: its id (to close it) and the URL the owner's browser opens. */
public record RemoteSession(String connectionId, String url) {
}
