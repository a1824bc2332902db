/**
 * Cross-cutting plumbing: configuration, the one problem+json error mapping, JSON format, schema
 * migration, Redis connection, health checks, metrics, rate limiting and HTTP filters.
 */
package dev.nexuschat.platform;
