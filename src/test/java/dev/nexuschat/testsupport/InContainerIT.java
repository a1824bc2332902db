package dev.nexuschat.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An Arquillian test that runs inside a Liberty server on the ITs' PostgreSQL and Redis. The order
 * matters: the database first, then the server's configuration, then Arquillian.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NexusServer.class)
@ExtendWith(InContainerServer.class)
@ExtendWith(ArquillianExtension.class)
public @interface InContainerIT {}
