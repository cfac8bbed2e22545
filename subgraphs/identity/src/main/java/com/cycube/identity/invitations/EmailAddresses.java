package com.cycube.identity.invitations;

import com.cycube.support.errors.DomainException;
import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses as invitations accept them: a practical subset of RFC 5322, stored in lower case. */
public final class EmailAddresses {

    private static final int MAX_LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");

    private EmailAddresses() {
    }

    /** The address trimmed and in lower case, or BAD_USER_INPUT when it is not a valid address. */
    public static String normalize(String address) {
        String candidate = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        if (candidate.length() > MAX_LENGTH || !ADDRESS.matcher(candidate).matches()) {
            throw DomainException.badInput("email must be a valid e-mail address");
        }
        return candidate;
    }
}
