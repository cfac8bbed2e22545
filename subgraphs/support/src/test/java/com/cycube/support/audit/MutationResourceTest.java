package com.cycube.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MutationResourceTest {

    @Test
    void the_main_resource_is_the_first_id_named_and_its_type_comes_from_the_argument_name() {
        AuditRecord.Target target = MutationResource.target("changeMemberRole", "userId=user-2 teamId=team-1", List.of());

        assertThat(target.type()).isEqualTo("User");
        assertThat(target.id()).isEqualTo("user-2");
        assertThat(target.resource()).isEqualTo("userId=user-2 teamId=team-1");
    }

    @Test
    void a_plain_id_takes_its_type_from_the_mutation_name_without_its_verb() {
        assertThat(MutationResource.target("archiveCourse", "id=course-x", List.of()).type()).isEqualTo("Course");
    }

    @Test
    void a_list_of_ids_names_its_first_one() {
        AuditRecord.Target target = MutationResource.target("assignTraining", "userIds=u1,u2", List.of());

        assertThat(target.type()).isEqualTo("User");
        assertThat(target.id()).isEqualTo("u1");
    }

    @Test
    void without_ids_there_is_no_main_resource() {
        assertThat(MutationResource.target("purgeNotes", null, List.of())).isEqualTo(AuditRecord.Target.NONE);
    }
}
