package org.crmgraph.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module graph, as README's architecture section draws it:
 * {@code api -> analytics | language | import -> graph-model}, the embedded runtime seen by the application only, and
 * the two algorithm products (customer analytics, language) blind to each other.
 */
class ArchitectureTests {

    private static final String API = "org.crmgraph.api..";
    private static final String IMPORT = "org.crmgraph.importer..";
    private static final String ANALYTICS = "org.crmgraph.analytics..";
    private static final String LANGUAGE = "org.crmgraph.language..";
    private static final String EMBEDDED = "org.crmgraph.graph.embedded..";
    private static final String TESTING = "org.crmgraph.graph.testing..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // graph-model's fixtures come as a test-jar, which the option above does not recognise
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.crmgraph");
    }

    @Test
    void graphModelDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("org.crmgraph.graph..")
                .and()
                .resideOutsideOfPackages(EMBEDDED, TESTING)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(API, IMPORT, ANALYTICS, LANGUAGE, EMBEDDED, TESTING)
                .check(classes);
    }

    @Test
    void theTwoAlgorithmProductsNeverSeeEachOther() {
        noClasses()
                .that()
                .resideInAPackage(ANALYTICS)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(LANGUAGE)
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(LANGUAGE)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ANALYTICS)
                .check(classes);
    }

    @Test
    void importAndAlgorithmsDependOnGraphModelOnly() {
        noClasses()
                .that()
                .resideInAnyPackage(IMPORT, ANALYTICS, LANGUAGE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(API, EMBEDDED, TESTING)
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(IMPORT)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ANALYTICS, LANGUAGE)
                .check(classes);
    }

    @Test
    void onlyTheApplicationStartsTheEmbeddedDatabase() {
        noClasses()
                .that()
                .resideOutsideOfPackages(API, EMBEDDED, TESTING)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(EMBEDDED)
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage(EMBEDDED)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.neo4j.dbms..", "org.neo4j.kernel..", "org.neo4j.gds..")
                .check(classes);
    }

    @Test
    void nothingBelowTheApiKnowsGraphQlOrTheWeb() {
        noClasses()
                .that()
                .resideInAnyPackage("org.crmgraph.graph..", IMPORT, ANALYTICS, LANGUAGE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.graphql..", "graphql..", "org.springframework.web..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void onlyTheCypherRunnerOpensSessions() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.crmgraph.graph.cypher..", TESTING)
                .should()
                .callMethod(org.neo4j.driver.Driver.class, "session", org.neo4j.driver.SessionConfig.class)
                .orShould()
                .callMethod(org.neo4j.driver.Driver.class, "session")
                .check(classes);
    }

    @Test
    void springDataNeo4jIsReachedThroughTheCypherRunnerOnly() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.crmgraph.graph.cypher..")
                .and()
                .doNotHaveFullyQualifiedName("org.crmgraph.graph.GraphModelConfiguration")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.data.neo4j..")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackages("org.crmgraph.graph.cypher..", EMBEDDED, TESTING, "org.crmgraph.benchmarks..")
                .should()
                .callMethod(org.neo4j.driver.Driver.class, "executableQuery", String.class)
                .check(classes);
    }

    @Test
    void controllersDoNotReachIntoTheDriver() {
        noClasses()
                .that()
                .resideInAPackage(API)
                .and()
                .resideOutsideOfPackages("org.crmgraph.api.graphql..", "org.crmgraph.api.embedded..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.neo4j.driver..")
                .check(classes);
    }

    @Test
    void everyPackageIsFreeOfCycles() {
        slices().matching("org.crmgraph.(**)").should().beFreeOfCycles().check(classes);
    }
}
