package com.cycube.notification.people;

/** Where and in which language to write to a user: identity's latest contact details (ADR 21). */
public record Contact(String userId, String email, String locale) {
}
