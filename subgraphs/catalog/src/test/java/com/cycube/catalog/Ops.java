package com.cycube.catalog;

/** The GraphQL operations the catalog tests send, written as a client would. */
public final class Ops {

    private Ops() {
    }

    public static final String COURSE_FIELDS = """
            id title summary level status version publishedVersion draftVersion revision visibility organizationId
            estimatedMinutes author { id } skills { id code name }
            modules { id title position cubes { id kind title content labTemplateId estimatedMinutes position } }
            """;

    public static final String COURSES = """
            query($first: Int, $after: String, $filter: CourseFilter) {
              courses(first: $first, after: $after, filter: $filter) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { cursor node { id title status version } }
              }
            }""";

    public static final String COURSE = """
            query($id: ID!, $version: Int) { course(id: $id, version: $version) { %s versions { version status publishedAt } } }
            """.formatted(COURSE_FIELDS);

    public static final String CUBE = """
            query($id: ID!) { cube(id: $id) { id kind title content labTemplateId module { id title } course { id version } } }""";

    public static final String ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) {
              ... on Course { id title status version }
              ... on Module { id title cubes { id } }
              ... on Cube { id title kind }
              ... on LearningPath { id title }
              ... on User { id authoredCourses { totalCount edges { node { id } } } }
            } }""";

    public static final String SEARCH = """
            query($q: String!, $first: Int) { searchCatalog(query: $q, first: $first) {
              totalCount pageInfo { hasNextPage } edges { node { score course { id title status } highlights { field snippet } } }
            } }""";

    public static final String CREATE_COURSE = """
            mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { %s } } }
            """.formatted(COURSE_FIELDS);

    public static final String UPDATE_COURSE = """
            mutation($input: UpdateCourseInput!) { updateCourse(input: $input) { course { %s } } }
            """.formatted(COURSE_FIELDS);

    public static final String ADD_MODULE = """
            mutation($input: AddModuleInput!) { addModule(input: $input) { module { id title position } course { id version status revision } } }""";

    public static final String UPDATE_MODULE = """
            mutation($input: UpdateModuleInput!) { updateModule(input: $input) { module { id title } course { id version } } }""";

    public static final String REMOVE_MODULE = """
            mutation($input: RemoveModuleInput!) { removeModule(input: $input) { removedModuleId course { id modules { id } } } }""";

    public static final String REORDER_MODULES = """
            mutation($input: ReorderModulesInput!) { reorderModules(input: $input) { course { id modules { id position } } } }""";

    public static final String ADD_CUBE = """
            mutation($input: AddCubeInput!) { addCube(input: $input) { cube { id kind title content labTemplateId position } course { id version revision } } }""";

    public static final String UPDATE_CUBE = """
            mutation($input: UpdateCubeInput!) { updateCube(input: $input) { cube { id kind title content labTemplateId estimatedMinutes } course { id } } }""";

    public static final String REMOVE_CUBE = """
            mutation($input: RemoveCubeInput!) { removeCube(input: $input) { removedCubeId course { id } } }""";

    public static final String PUBLISH_COURSE = """
            mutation($input: PublishCourseInput!) { publishCourse(input: $input) { course { id title status version publishedVersion draftVersion publishedAt modules { id cubes { id } } } } }""";

    public static final String ARCHIVE_COURSE = """
            mutation($input: ArchiveCourseInput!) { archiveCourse(input: $input) { course { id status version } } }""";

    public static final String LEARNING_PATH = """
            query($id: ID!) { learningPath(id: $id) { id title status visibility organizationId courses { id title } } }""";

    public static final String LEARNING_PATHS = """
            { learningPaths { totalCount edges { node { id title status courses { id } } } } }""";

    public static final String CREATE_LEARNING_PATH = """
            mutation($input: CreateLearningPathInput!) { createLearningPath(input: $input) { learningPath { id title status visibility organizationId revision courses { id } } } }""";

    public static final String UPDATE_LEARNING_PATH = """
            mutation($input: UpdateLearningPathInput!) { updateLearningPath(input: $input) { learningPath { id title revision courses { id } } } }""";

    public static final String PUBLISH_LEARNING_PATH = """
            mutation($input: PublishLearningPathInput!) { publishLearningPath(input: $input) { learningPath { id status publishedAt } } }""";

    public static final String SKILLS = """
            query($framework: SkillFramework) { skills(framework: $framework) { id framework code name } }""";

    public static final String CREATE_SKILL = """
            mutation($input: CreateSkillInput!) { createSkill(input: $input) { skill { id framework code name } } }""";
}
