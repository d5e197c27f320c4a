package dev.onair.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource for OnAir's own nginx (its callbacks, the local edge's authorization): served on the
 * internal listener only ({@code onair.internal.host}:{@code onair.internal.port}, loopback by
 * default) and answered 404 on the public ones. {@link Listeners} enforces it on the resource
 * a request matched, whatever form its path took.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Internal {
}
