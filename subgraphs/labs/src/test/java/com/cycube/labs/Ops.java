package com.cycube.labs;

/** The GraphQL operations the labs tests send, written as a client would. */
public final class Ops {

    private Ops() {
    }

    public static final String LAB_FIELDS = """
            id organizationId state active revision requestedAt expiresAt expiryWarningSentAt connectionUrl failureReason
            owner { id } cube { id } template { id name protocol port } history { from to at reason }
            objectives { id description met } objectivesMetAt
            """;

    public static final String LAUNCH = """
            mutation($input: LaunchLabInput!) { launchLab(input: $input) { alreadyActive lab { %s } } }""".formatted(LAB_FIELDS);

    public static final String EXTEND = """
            mutation($input: ExtendLabInput!) { extendLab(input: $input) { lab { id state expiresAt expiryWarningSentAt } } }""";

    public static final String TERMINATE = """
            mutation($input: TerminateLabInput!) { terminateLab(input: $input) { lab { id state active connectionUrl } } }""";

    public static final String RESET = """
            mutation($input: ResetLabInput!) { resetLab(input: $input) { lab { id state connectionUrl history { from to reason } } } }""";

    public static final String LAB = """
            query($id: ID!) { labInstance(id: $id) { %s } }""".formatted(LAB_FIELDS);

    public static final String MY_LABS = """
            query($activeOnly: Boolean) { myLabs(activeOnly: $activeOnly) { totalCount edges { node { id state cube { id } } } } }""";

    public static final String LAB_INSTANCES = """
            query($state: LabState) { labInstances(state: $state) { totalCount edges { node { id organizationId state connectionUrl } } } }""";

    public static final String TEMPLATES = """
            { labTemplates { id name image instanceType protocol port defaultLifetimeMinutes maxLifetimeMinutes } }""";

    public static final String CREATE_TEMPLATE = """
            mutation($input: CreateLabTemplateInput!) { createLabTemplate(input: $input) { template { id name protocol port defaultLifetimeMinutes maxLifetimeMinutes } } }""";

    public static final String UPDATE_TEMPLATE = """
            mutation($input: UpdateLabTemplateInput!) { updateLabTemplate(input: $input) { template { id name maxLifetimeMinutes } } }""";

    public static final String QUOTA = """
            query($org: ID) { labQuota(organizationId: $org) { organizationId maxConcurrentLabs activeLabs isDefault } }""";

    public static final String RECORD_OBJECTIVE = """
            mutation($input: RecordLabObjectiveInput!) { recordLabObjective(input: $input) {
              allMet lab { id state objectivesMetAt objectives { id description met } } } }""";

    public static final String ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) {
              ... on LabInstance { id state connectionUrl }
              ... on LabTemplate { id name }
              ... on Cube { id myLab { id state } }
              ... on User { id activeLabs { id state } }
            } }""";
}
