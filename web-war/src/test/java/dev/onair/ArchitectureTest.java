package dev.onair;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape of OnAir's code, checked on its classes (the EJB module's and the WAR's). A
 * component is a package under {@code dev.onair} ({@code accounts}, {@code channels},
 * {@code delivery}, {@code ingest}, {@code logins}, {@code signin}, ...) with its
 * {@code boundary} (what others call), {@code control} (its own machinery) and {@code entity}
 * (its values and rows); the web tier is {@code api}, {@code web} and {@code health}.
 */
class ArchitectureTest {

    private static final JavaClasses ONAIR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.onair");
    private static final Pattern COMPONENT = Pattern.compile("dev\\.onair\\.([a-z]+)(\\..*)?");

    @Test
    void theRulesSeeBothModules() {
        assertTrue(ONAIR.stream().anyMatch(c -> c.getPackageName().startsWith("dev.onair.delivery")), "the EJB module's classes");
        assertTrue(ONAIR.stream().anyMatch(c -> c.getPackageName().startsWith("dev.onair.api")), "the WAR's classes");
    }

    @Test
    void componentsDoNotFormCycles() {
        slices().matching("dev.onair.(*)..").should().beFreeOfCycles()
                .because("every dependency between components runs one way: a component that must react to another's "
                        + "change observes its event (an entity), it is not called back; a cycle means neither can be "
                        + "understood, tested or changed without the other")
                .check(ONAIR);
    }

    @Test
    void theWebTierGoesThroughBoundaries() {
        noClasses().that().resideInAnyPackage("dev.onair.api..", "dev.onair.web..", "dev.onair.health..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.onair.*.control..")
                .because("resources, pages and health checks call boundaries and read entities; the rules (who may see "
                        + "what, verdicts, settings) live behind a boundary in the EJB module, where every caller gets the same")
                .check(ONAIR);
    }

    @Test
    void componentsUseOneAnothersBoundariesAndEntitiesOnly() {
        classes().that().resideInAPackage("dev.onair..")
                .should(new ArchCondition<JavaClass>("use no other component's control package") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        Optional<String> own = component(item.getPackageName());
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getPackageName();
                            Optional<String> other = component(target);
                            if (target.contains(".control") && other.isPresent() && !other.equals(own)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("a component's control package is its own machinery, free to change; others go through its "
                        + "boundary, so that a change inside a component stays inside it")
                .check(ONAIR);
    }

    @Test
    void aComponentQueriesItsOwnRowsOnly() {
        classes().that().resideInAPackage("dev.onair..").and().areNotAnnotatedWith(Entity.class)
                .should(new ArchCondition<JavaClass>("look up no other component's rows") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        boolean queries = item.getDirectDependenciesFromSelf().stream()
                                .anyMatch(d -> d.getTargetClass().isEquivalentTo(EntityManager.class));
                        Optional<String> own = component(item.getPackageName());
                        if (!queries || own.isEmpty()) {
                            return;
                        }
                        for (ReferencedClassObject reference : item.getReferencedClassObjects()) {
                            JavaClass target = reference.getRawType();
                            Optional<String> other = component(target.getPackageName());
                            if (target.isAnnotatedWith(Entity.class) && other.isPresent() && !other.equals(own)) {
                                events.add(SimpleConditionEvent.violated(reference, item.getName() + " looks up "
                                        + target.getSimpleName() + " rows (" + reference.getSourceCodeLocation() + ")"));
                            }
                        }
                    }
                })
                .because("a component's tables are its own: another component learns of them from its boundary or its "
                        + "events (delivery keeps its own record of channels and publishes from the stream events), so a "
                        + "table can change with the component that owns it")
                .check(ONAIR);
    }

    @Test
    void entitiesDependOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.onair..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.onair.*.boundary..", "dev.onair.*.control..",
                        "dev.onair.api..", "dev.onair.web..", "dev.onair.health..")
                .because("entities are values, rows and events that every layer may hold; they know only other entities "
                        + "and the shared vocabulary, never the code that acts on them")
                .check(ONAIR);
    }

    @Test
    void sharedKnowsNoComponent() {
        noClasses().that().resideInAPackage("dev.onair.shared..")
                .should().dependOnClassesThat(resideInAPackage("dev.onair..").and(not(resideInAPackage("dev.onair.shared.."))))
                .because("shared is the vocabulary every component uses (problems, pages, ids, settings helpers); "
                        + "if it knew a component, every component would")
                .check(ONAIR);
    }

    private static Optional<String> component(String packageName) {
        Matcher m = COMPONENT.matcher(packageName);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
