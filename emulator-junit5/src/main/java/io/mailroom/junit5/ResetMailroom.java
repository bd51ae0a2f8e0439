package io.mailroom.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Drops all of the server's state before the annotated test, or before each test of the annotated class
 * (and of its {@code @Nested} classes). For tests that share a per-class server but need a clean one;
 * the same as {@link MailroomExtension#resetBeforeEachTest()} for a whole class, and usable with
 * {@code @ExtendWith(MailroomExtension.class)}, which has no builder to configure.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ResetMailroom {
}
