package com.cdcappsync.scaffold;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * This module uses lambda-upsert through its public API only (lambda-upsert/README.md): no class of it, main or
 * test, depends on {@code com.cdcappsync.upsert.internal}. The same rule stands in every module that uses the
 * library.
 */
class UpsertInternalsUnusedTest {

    @Test
    void noClass_dependsOnTheLibrarysInternals() {
        noClasses().that().resideOutsideOfPackage("com.cdcappsync.upsert..")
                .should().dependOnClassesThat().resideInAPackage("com.cdcappsync.upsert.internal..")
                .because("lambda-upsert's internal packages are its implementation, not its API")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                        .importPackages("com.cdcappsync.scaffold"));
    }
}
