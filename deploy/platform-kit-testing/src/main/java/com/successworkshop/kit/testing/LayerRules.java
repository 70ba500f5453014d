package com.successworkshop.kit.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The layers every service keeps, checked from its compiled classes: {@code rest} → {@code application} → {@code domain},
 * with the adapters {@code repository} (used by application) and {@code messaging} (consumers, which call application)
 * beside it. Nothing imports a layer above it; domain and application know no HTTP, no REST type and no Kafka type.
 */
public final class LayerRules {

    /** What domain and application may never use: the transports and the kit's HTTP and consumer layers. */
    static final String[] TRANSPORT = {"jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..", "org.apache.kafka..",
            "io.smallrye.reactive.messaging..", "org.eclipse.microprofile.reactive.messaging..", "com.successworkshop.kit.http..",
            "com.successworkshop.kit.problem..", "com.successworkshop.kit.consumer.."};

    private LayerRules() {
    }

    /** Every rule for the service whose classes are under {@code root} (e.g. "com.successworkshop.engagement"). */
    public static List<ArchRule> of(String root) {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("REST").definedBy(root + ".rest..")
                .layer("Messaging").definedBy(root + ".messaging..")
                .layer("Application").definedBy(root + ".application..")
                .layer("Repository").definedBy(root + ".repository..")
                .layer("Domain").definedBy(root + ".domain..")
                .whereLayer("REST").mayNotBeAccessedByAnyLayer()
                .whereLayer("Messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("Application").mayOnlyBeAccessedByLayers("REST", "Messaging")
                .whereLayer("Repository").mayOnlyBeAccessedByLayers("Application", "Messaging")
                .because("a layer imports only the layers below it (REST → application → domain; adapters beside)");
        ArchRule noTransport = noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(TRANSPORT)
                .because("the playbook's rules and use cases know no HTTP and no Kafka; the REST layer and the consumers translate")
                .allowEmptyShould(true);
        ArchRule domainBelowAll = noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".application..", root + ".repository..",
                        root + ".rest..", root + ".messaging..", "jakarta.enterprise..", "jakarta.transaction..")
                .because("aggregates hold the rules and depend on nothing of the service around them")
                .allowEmptyShould(true);
        return List.of(layers, noTransport, domainBelowAll);
    }

    /** Checks every rule against the service's main classes (tests left out); fails with each offending import. */
    public static void check(String root) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(root);
        check(classes, root);
    }

    public static void check(JavaClasses classes, String root) {
        if (classes.isEmpty()) {
            throw new AssertionError("No classes under " + root);
        }
        of(root).forEach(rule -> rule.check(classes));
    }
}
