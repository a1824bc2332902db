package dev.nexuschat.platform.health;

import dev.nexuschat.platform.migration.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the schema is migrated: a startup probe can give a slow first migration time. */
@Startup
@ApplicationScoped
public class SchemaStartup implements HealthCheck {
  @Inject SchemaMigrator migrator;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("schema").status(migrator.isMigrated()).build();
  }
}
