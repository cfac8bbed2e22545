package com.cycube.audit.verification;

import com.cycube.audit.checkpoints.CheckpointSigner;
import com.cycube.support.errors.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The cursor of a verification in steps ({@code verifyAuditTrail(after:)}): where the step before stopped — the chain,
 * the seq and hash of the last record it checked — and the seq the window ends at. It is handed to the client and
 * comes back from it, so it is signed with the trail's key ({@link CheckpointSigner}, its own first line): a client
 * cannot skip records by naming a later seq, nor vouch for a hash the trail did not have. Text:
 * {@code base64url(chain \n seq \n hash \n untilSeq) "." hex(HMAC-SHA256)}.
 */
@Component
public class VerificationCursors {

    /** The first line of the signed text: a cursor's signature is never a checkpoint's. */
    static final String KIND = "cycube-audit-verification-cursor/v1";
    /** Longer than any cursor this class writes; anything longer is refused unread. */
    static final int MAX_LENGTH = 1024;

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final String REFUSED = "This cursor was not given by verifyAuditTrail for this trail, or it was "
            + "altered: start the verification again without after";

    /**
     * Where a verification continues.
     *
     * @param chain    the chain being verified
     * @param seq      the seq of the last record checked; the next step starts with it
     * @param hash     that record's hash when it was checked
     * @param untilSeq the last seq of the window ({@link Long#MAX_VALUE}: to the end of the chain)
     */
    public record Resume(String chain, long seq, String hash, long untilSeq) {
    }

    private final CheckpointSigner signer;

    public VerificationCursors(CheckpointSigner signer) {
        this.signer = signer;
    }

    public String write(Resume resume) {
        String content = content(resume);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(content.getBytes(StandardCharsets.UTF_8))
                + "." + signer.signature(KIND, content);
    }

    /**
     * The place a cursor given for {@code chain} continues from; BAD_USER_INPUT for anything else — not a cursor,
     * altered, signed under another key, or given for another chain.
     */
    public Resume read(String cursor, String chain) {
        if (cursor == null || cursor.length() > MAX_LENGTH) {
            throw DomainException.badInput(REFUSED);
        }
        int dot = cursor.indexOf('.');
        if (dot < 0) {
            throw DomainException.badInput(REFUSED);
        }
        String content;
        try {
            content = new String(Base64.getUrlDecoder().decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw DomainException.badInput(REFUSED);
        }
        if (!signer.isAuthentic(KIND, content, cursor.substring(dot + 1))) {
            throw DomainException.badInput(REFUSED);
        }
        Resume resume = parse(content);
        if (resume == null || !resume.chain().equals(chain)) {
            throw DomainException.badInput(REFUSED);
        }
        return resume;
    }

    private static String content(Resume resume) {
        return resume.chain() + "\n" + resume.seq() + "\n" + resume.hash() + "\n" + resume.untilSeq();
    }

    /** The cursor's content, or null when it does not have this class's form (only a key holder could sign such). */
    private static Resume parse(String content) {
        String[] lines = content.split("\n", -1);
        if (lines.length != 4 || !HASH.matcher(lines[2]).matches()) {
            return null;
        }
        try {
            long seq = Long.parseLong(lines[1]);
            long untilSeq = Long.parseLong(lines[3]);
            return seq < 1 || untilSeq < seq ? null : new Resume(lines[0], seq, lines[2], untilSeq);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
