package org.crmgraph.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module direction (api -> algorithms/import -> graph-model) and the rules that keep the layers honest. */
class ArchitectureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.crmgraph");
    }

    @Test
    void graphModelDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.crmgraph.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("org.crmgraph.api..", "org.crmgraph.importer..", "org.crmgraph.algorithms..")
                .check(classes);
    }

    @Test
    void importAndAlgorithmsDependOnGraphModelOnly() {
        noClasses().that().resideInAnyPackage("org.crmgraph.importer..", "org.crmgraph.algorithms..")
                .should().dependOnClassesThat().resideInAPackage("org.crmgraph.api..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("org.crmgraph.importer..")
                .should().dependOnClassesThat().resideInAPackage("org.crmgraph.algorithms..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void nothingBelowTheApiKnowsGraphQlOrTheWeb() {
        noClasses().that().resideInAnyPackage("org.crmgraph.graph..", "org.crmgraph.importer..", "org.crmgraph.algorithms..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.graphql..", "graphql..", "org.springframework.web..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void onlyTheCypherRunnerOpensSessions() {
        noClasses().that().resideOutsideOfPackage("org.crmgraph.graph.cypher..")
                .should().callMethod(org.neo4j.driver.Driver.class, "session", org.neo4j.driver.SessionConfig.class)
                .orShould().callMethod(org.neo4j.driver.Driver.class, "session")
                .check(classes);
    }

    @Test
    void controllersDoNotReachIntoTheDriver() {
        noClasses().that().resideInAPackage("org.crmgraph.api..")
                .and().resideOutsideOfPackage("org.crmgraph.api.graphql..")
                .should().dependOnClassesThat().resideInAPackage("org.neo4j.driver..")
                .check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("org.crmgraph.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.crmgraph.graph.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.crmgraph.algorithms.(*)..").should().beFreeOfCycles().check(classes);
    }
}
