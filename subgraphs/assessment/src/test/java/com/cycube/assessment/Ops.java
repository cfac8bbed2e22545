package com.cycube.assessment;

/** The GraphQL operations the assessment tests send, written as a client would. */
public final class Ops {

    private Ops() {
    }

    public static final String QUESTION_FIELDS = """
            id kind prompt points maxAttempts position cube { id } options { id text }
            hints { id penalty text taken } myProgress { attemptsUsed attemptsLeft solved pointsAwarded hintPenalty }
            """;

    public static final String CREATE = """
            mutation($input: CreateQuestionInput!) { createQuestion(input: $input) { question { %s } } }""".formatted(QUESTION_FIELDS);

    public static final String UPDATE = """
            mutation($input: UpdateQuestionInput!) { updateQuestion(input: $input) { question { %s } } }""".formatted(QUESTION_FIELDS);

    public static final String ARCHIVE = """
            mutation($input: ArchiveQuestionInput!) { archiveQuestion(input: $input) { archivedQuestionId } }""";

    public static final String PASS_MARK = """
            mutation($input: SetCubePassMarkInput!) { setCubePassMark(input: $input) { cube { id passMark } } }""";

    public static final String QUESTION = """
            query($id: ID!) { question(id: $id) { %s } }""".formatted(QUESTION_FIELDS);

    public static final String SUBMIT = """
            mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) {
              correct points attemptsLeft
              submission { id cubeId attempt status correct points submittedAt gradedAt answerText feedback user { id } question { id } }
              quizResult { cubeId points maxPoints score passMark passed passedAt }
            } }""";

    public static final String TAKE_HINT = """
            mutation($input: TakeHintInput!) { takeHint(input: $input) {
              hint { id penalty text taken } progress { attemptsUsed attemptsLeft solved pointsAwarded hintPenalty } } }""";

    public static final String GRADE = """
            mutation($input: GradeSubmissionInput!) { gradeSubmission(input: $input) {
              submission { id status correct points feedback gradedAt } } }""";

    public static final String TO_GRADE = """
            query($cubeId: ID) { submissionsToGrade(cubeId: $cubeId) { totalCount edges { node { id answerText status user { id } question { id } } } } }""";

    public static final String CERTIFICATES = """
            { certificates { totalCount edges { node { id holder { id } holderName courseId courseTitle score issuedAt verificationCode } } } }""";

    public static final String CERTIFICATE = """
            query($id: ID!) { certificate(id: $id) { id holderName courseTitle verificationCode } }""";

    public static final String VERIFY = """
            query($code: String!) { verifyCertificate(code: $code) {
              authentic holderName courseTitle issuedAt issuer platformContent revoked revokedAt } }""";

    /** A certificate with who issued it and whether it was revoked. */
    public static final String CERTIFICATE_STATUS = """
            query($id: ID!) { certificate(id: $id) { id courseTitle issuer platformContent revoked revokedAt } }""";

    public static final String REVOKE = """
            mutation($input: RevokeCertificateInput!) { revokeCertificate(input: $input) {
              certificate { id courseTitle issuer platformContent revoked revokedAt } } }""";

    public static final String ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) {
              ... on Cube { id passMark questions { id prompt } quizResult { points passed } }
              ... on User { id certificates { id courseTitle } }
              ... on Question { id prompt }
              ... on Certificate { id courseTitle }
            } }""";
}
