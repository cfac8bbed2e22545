package com.cycube.catalog.skills;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A skill tag (collection {@code skills}). Skills are platform reference data shared by every organization and
 * written only by root, so they are not tenant-owned. (framework, code) is unique (see CatalogIndexes). Accessors match the GraphQL {@code Skill} type.
 */
@Document("skills")
public record SkillDocument(@Id String id, SkillFramework framework, String code, String name) {
}
