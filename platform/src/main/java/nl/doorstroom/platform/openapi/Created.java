package nl.doorstroom.platform.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST that creates an item under a new id and answers 201 with its {@code Location}, instead of the 202 every other
 * command answers; its OpenAPI operation says so, with 409 for an id in use ({@link ContractResponses}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Created {

    /** What the new item is, e.g. "the CNO location". */
    String value();
}
