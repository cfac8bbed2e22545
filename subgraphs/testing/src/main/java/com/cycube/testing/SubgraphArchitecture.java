package com.cycube.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.cycube.support.events.EventHandler;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The architecture every subgraph follows (docs/architecture.md, "Anatomy of a subgraph"), checked on its main
 * classes. A subgraph's {@code ArchitectureTest} is one line: {@code SubgraphArchitecture.check("com.cycube.labs")}.
 * <ul>
 *   <li>Data fetchers → services → stores: a data fetcher never touches a store or the database; a store never calls
 *       a service or a data fetcher; a service never calls a data fetcher.</li>
 *   <li>Only stores talk to MongoDB ({@code MongoTemplate}, {@code TenantScopedMongo}) — and, as trusted system code
 *       applying events, {@link EventHandler}s, plus index set-up ({@code *Indexes}) and demo seeding
 *       ({@code ..demo..}).</li>
 *   <li>No subgraph depends on another: only on its own packages, the support library and third-party code.</li>
 * </ul>
 */
public final class SubgraphArchitecture {

    private SubgraphArchitecture() {
    }

    /** Fails with every violation when {@code subgraphPackage}'s main classes break a rule. */
    public static void check(String subgraphPackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(subgraphPackage);
        if (classes.isEmpty()) {
            throw new AssertionError("No classes found in " + subgraphPackage);
        }
        List<String> violations = violations(subgraphPackage, classes);
        if (!violations.isEmpty()) {
            throw new AssertionError(String.join("\n\n", violations));
        }
    }

    /** The failure report of every rule {@code classes} break, as subgraph {@code subgraphPackage}. */
    static List<String> violations(String subgraphPackage, JavaClasses classes) {
        return rules(subgraphPackage).stream()
                .map(rule -> rule.allowEmptyShould(true).evaluate(classes))
                .filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .collect(Collectors.toList());
    }

    static List<ArchRule> rules(String subgraphPackage) {
        String own = subgraphPackage + "..";
        return List.of(
                noClasses().that().haveSimpleNameEndingWith("DataFetcher")
                        .should().dependOnClassesThat(simpleNameEndingWith("Store")
                                .or(assignableTo(MongoOperations.class)).or(assignableTo(TenantScopedMongo.class)))
                        .as("data fetchers go through services, never to stores or the database"),
                noClasses().that().haveSimpleNameEndingWith("Store")
                        .should().dependOnClassesThat(simpleNameEndingWith("Service").or(simpleNameEndingWith("DataFetcher")))
                        .as("stores do not call services or data fetchers"),
                noClasses().that().haveSimpleNameEndingWith("Service")
                        .should().dependOnClassesThat(simpleNameEndingWith("DataFetcher"))
                        .as("services do not call data fetchers"),
                noClasses().that().resideInAPackage(own)
                        .and(not(simpleNameEndingWith("Store"))).and(not(simpleNameEndingWith("Indexes")))
                        .and(not(assignableTo(EventHandler.class))).and(not(resideInAPackage("..demo..")))
                        .should().dependOnClassesThat(assignableTo(MongoOperations.class).or(assignableTo(TenantScopedMongo.class)))
                        .as("only stores, event handlers, index set-up and demo data use MongoDB directly"),
                noClasses().that().resideInAPackage(own)
                        .should().dependOnClassesThat(resideInAPackage("com.cycube..")
                                .and(not(resideInAPackage(own))).and(not(resideInAPackage("com.cycube.support.."))))
                        .as("a subgraph depends on no other subgraph, only on the support library"));
    }
}
