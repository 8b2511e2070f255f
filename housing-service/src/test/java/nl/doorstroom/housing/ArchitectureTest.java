package nl.doorstroom.housing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the house shape: the domain decides and knows nothing of web, Kafka or storage; the others do not mix. */
@AnalyzeClasses(packages = "nl.doorstroom.housing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_stays_free_of_delivery_and_storage = noClasses()
            .that().resideInAPackage("..housing.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.kafka..", "org.apache.kafka..",
                    "jakarta.persistence..", "..housing.web..", "..housing.messaging..", "..housing.projection..");

    @ArchTest
    static final ArchRule projections_do_not_serve_http_or_kafka = noClasses()
            .that().resideInAPackage("..housing.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("..housing.web..", "..housing.messaging..",
                    "org.springframework.kafka..");

    @ArchTest
    static final ArchRule web_and_messaging_do_not_reach_into_each_other = noClasses()
            .that().resideInAPackage("..housing.web..")
            .should().dependOnClassesThat().resideInAPackage("..housing.messaging..");

    @ArchTest
    static final ArchRule published_contracts_are_built_only_by_the_mapper = noClasses()
            .that().resideOutsideOfPackage("..housing.messaging..")
            .should().dependOnClassesThat().resideInAPackage("nl.doorstroom.contracts.housing..");

    @ArchTest
    static final ArchRule no_other_service_is_imported = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "nl.doorstroom.capacity..", "nl.doorstroom.finance..", "nl.doorstroom.deadline..", "nl.doorstroom.gateway..");
}
