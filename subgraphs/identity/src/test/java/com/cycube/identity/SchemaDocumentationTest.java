package com.cycube.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testing.PublishedSchema;
import graphql.language.ScalarTypeDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The schema is the API documentation: every type, field, argument, enum value, input field and scalar is described. */
class SchemaDocumentationTest {

    @Test
    void every_schema_element_has_a_description() throws IOException {
        String sdl;
        try (InputStream in = getClass().getResourceAsStream("/schema/identity.graphqls")) {
            sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(PublishedSchema.of(sdl).undescribed()).isEmpty();
        // PublishedSchema.undescribed() does not look at scalars: DateTime's description is checked here
        assertThat(Parser.parse(sdl).getDefinitionsOfType(ScalarTypeDefinition.class)).isNotEmpty()
                .allSatisfy(scalar -> assertThat(scalar.getDescription()).as(scalar.getName())
                        .satisfies(description -> assertThat(description.getContent()).isNotBlank()));
    }
}
