package com.cdcappsync.upsert;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The library's shape (lambda-upsert/README.md): the public packages and the implementation under
 * {@code internal} never reach into the command line, which sits on top of the library and leaves the Lambda jar's
 * handler path alone. That other modules never use {@code internal} is checked in each of them
 * ({@code UpsertInternalsUnusedTest}).
 */
class PublicApiArchitectureTest {

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("com.cdcappsync.upsert");

    @Test
    void library_doesNotDependOnTheCli() {
        noClasses().that().resideInAPackage("com.cdcappsync.upsert..")
                .and().resideOutsideOfPackage("com.cdcappsync.upsert.cli..")
                .should().dependOnClassesThat().resideInAPackage("com.cdcappsync.upsert.cli..")
                .orShould().dependOnClassesThat().resideInAPackage("picocli..")
                .orShould().dependOnClassesThat().resideInAPackage("com.cdcappsync.cli..")
                .because("the command line is a client of the library, not part of it (lambda-upsert/README.md)")
                .check(LIBRARY);
    }
}
