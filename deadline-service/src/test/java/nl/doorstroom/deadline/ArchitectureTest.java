package nl.doorstroom.deadline;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the house shape: the domain decides and knows nothing of web, Kafka or storage; the others do not mix. */
@AnalyzeClasses(packages = "nl.doorstroom.deadline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_stays_free_of_delivery_and_storage = noClasses()
            .that().resideInAPackage("..deadline.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.kafka..", "org.apache.kafka..",
                    "jakarta.persistence..", "..deadline.web..", "..deadline.messaging..", "..deadline.projection..");

    @ArchTest
    static final ArchRule projections_do_not_serve_http_or_kafka = noClasses()
            .that().resideInAPackage("..deadline.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("..deadline.web..", "..deadline.messaging..",
                    "org.springframework.kafka..");

    @ArchTest
    static final ArchRule web_and_messaging_do_not_reach_into_each_other = noClasses()
            .that().resideInAPackage("..deadline.web..")
            .should().dependOnClassesThat().resideInAPackage("..deadline.messaging..");

    @ArchTest
    static final ArchRule no_other_service_is_imported = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "nl.doorstroom.capacity..", "nl.doorstroom.housing..", "nl.doorstroom.finance..", "nl.doorstroom.gateway..");
}
