package com.cycube.training;

/** The GraphQL operations the training tests send, written as a client would. */
public final class Ops {

    private Ops() {
    }

    public static final String PROGRESS = """
            progress { percent completedCubes totalCubes score timeSpentSeconds lastActivityAt status completedAt
                       cubes { cubeId kind completed completedAt completedBy attempts score lastActivityAt } }""";

    public static final String ENROLLMENT_FIELDS = "id organizationId source dueAt enrolledAt user { id } course { id } " + PROGRESS;

    public static final String ENROLL = """
            mutation($input: EnrollInput!) { enroll(input: $input) { alreadyEnrolled enrollments { %s } } }""".formatted(ENROLLMENT_FIELDS);

    public static final String ASSIGN = """
            mutation($input: AssignTrainingInput!) { assignTraining(input: $input) {
              newEnrollments assignment { id organizationId dueAt assignedAt course { id } learningPath { id }
                                          users { id } teams { id } assignedBy { id } } } }""";

    public static final String COMPLETE_READING = """
            mutation($input: CompleteReadingInput!) { completeReading(input: $input) { enrollment { %s } } }""".formatted(ENROLLMENT_FIELDS);

    public static final String STUDY_TIME = """
            mutation($input: RecordStudyTimeInput!) { recordStudyTime(input: $input) { enrollment { %s } } }""".formatted(ENROLLMENT_FIELDS);

    public static final String ENROLLMENT = """
            query($id: ID!) { enrollment(id: $id) { %s } }""".formatted(ENROLLMENT_FIELDS);

    public static final String MY_ENROLLMENTS = """
            query($status: ProgressStatus, $first: Int, $after: String) { myEnrollments(status: $status, first: $first, after: $after) {
              totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id course { id } progress { status percent } } } } }""";

    public static final String ASSIGNMENTS = """
            { assignments { totalCount edges { node { id organizationId course { id } users { id } teams { id } } } } }""";

    public static final String ASSIGNMENT = """
            query($id: ID!) { assignment(id: $id) { id course { id } } }""";

    public static final String ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) {
              ... on Enrollment { id progress { percent status } }
              ... on Assignment { id }
              ... on User { id enrollments { totalCount edges { node { id course { id } } } } }
              ... on Course { id myEnrollment { id progress { percent } } }
              ... on Team { id teamProgress: progress { members enrolledMembers enrollments completed overdue averagePercent } }
            } }""";

    public static final String PROGRESS_UPDATED = """
            subscription($input: ProgressUpdatedInput) { progressUpdated(input: $input) {
              id user { id } course { id } progress { percent completedCubes timeSpentSeconds status } } }""";
}
