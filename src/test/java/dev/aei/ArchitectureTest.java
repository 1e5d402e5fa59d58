package dev.aei;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import dev.aei.ui.AppLauncher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline's dependency rules (docs/architecture.md), checked on the compiled classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.aei");
    }

    @Test
    void onlyTheUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackages("dev.aei.ui..", "dev.aei.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..",
                        "atlantafx..", "org.kordamp..")
                .check(classes);
    }

    @Test
    void theCliOnlyLaunchesTheUiThroughItsLauncher() {
        noClasses().that().resideInAPackage("dev.aei.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void theCliReachesTheUiOnlyThroughTheLauncher() {
        noClasses().that().resideInAPackage("dev.aei.cli..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.aei.ui..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(AppLauncher.class))))
                .check(classes);
    }

    @Test
    void theInspectionIsHeadlessAndServesBothFrontEnds() {
        noClasses().that().resideInAPackage("dev.aei.inspect..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.aei.ui..", "dev.aei.cli..",
                        "dev.aei.server..")
                .check(classes);
        noClasses().that().resideInAnyPackage("dev.aei.capture..", "dev.aei.protocol..", "dev.aei.analysis..",
                        "dev.aei.net..", "dev.aei.fixture..", "dev.aei.auth..", "dev.aei.server..")
                .should().dependOnClassesThat().resideInAPackage("dev.aei.inspect..")
                .check(classes);
    }

    @Test
    void nothingImportsTheUiOrTheCli() {
        noClasses().that().resideOutsideOfPackages("dev.aei.ui..", "dev.aei.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.aei.ui..", "dev.aei.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.aei.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.aei.cli..")
                .check(classes);
    }

    @Test
    void theLoadTestExportIsHeadlessAndOnlyTheFrontEndsUseIt() {
        noClasses().that().resideInAPackage("dev.aei.loadtest..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.aei.ui..", "dev.aei.cli..",
                        "dev.aei.server..", "dev.aei.inspect..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("dev.aei.loadtest..", "dev.aei.ui..", "dev.aei.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.aei.loadtest..")
                .check(classes);
    }

    @Test
    void theCoreStaysIndependent() {
        noClasses().that().resideInAnyPackage("dev.aei.capture..", "dev.aei.protocol..", "dev.aei.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.aei.net..", "dev.aei.fixture..",
                        "dev.aei.server..", "dev.aei.ui..", "dev.aei.cli..")
                .check(classes);
    }

    @Test
    void theReferenceBackendIsNotUsedByTheCapturePipeline() {
        noClasses().that().resideInAnyPackage("dev.aei.net..", "dev.aei.auth..", "dev.aei.fixture..")
                .should().dependOnClassesThat().resideInAPackage("dev.aei.server..")
                .check(classes);
    }

    @Test
    void captureKnowsNothingOfTheAnalysisThatListensToIt() {
        noClasses().that().resideInAPackage("dev.aei.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.aei.analysis..", "dev.aei.protocol..")
                .check(classes);
    }

    @Test
    void viewModelsHoldStateWithoutScenesSoTheyAreTestedWithoutAWindow() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void theRuntimeFactsStandAloneSoBothFrontEndsAndTheAboutDialogCanUseThem() {
        classes().that().resideInAPackage("dev.aei.runtime..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..", "dev.aei.runtime..")
                .check(classes);
    }
}
