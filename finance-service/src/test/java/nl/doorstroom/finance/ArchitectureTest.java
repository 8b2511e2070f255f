package nl.doorstroom.finance;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the house shape: the domain decides and knows nothing of web, Kafka or storage; the others do not mix. */
@AnalyzeClasses(packages = "nl.doorstroom.finance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_stays_free_of_delivery_and_storage = noClasses()
            .that().resideInAPackage("..finance.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.kafka..", "org.apache.kafka..",
                    "jakarta.persistence..", "..finance.web..", "..finance.messaging..", "..finance.projection..");

    @ArchTest
    static final ArchRule projections_do_not_serve_http_or_kafka = noClasses()
            .that().resideInAPackage("..finance.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("..finance.web..", "..finance.messaging..",
                    "org.springframework.kafka..");

    @ArchTest
    static final ArchRule web_and_messaging_do_not_reach_into_each_other = noClasses()
            .that().resideInAPackage("..finance.web..")
            .should().dependOnClassesThat().resideInAPackage("..finance.messaging..");

    @ArchTest
    static final ArchRule no_other_service_is_imported = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "nl.doorstroom.housing..", "nl.doorstroom.capacity..", "nl.doorstroom.deadline..", "nl.doorstroom.gateway..");
}
