/**
 * Cross-cutting plumbing: configuration, the one problem+json error mapping, JSON format, schema
 * migration, Redis connection, health checks, metrics, rate limiting, HTTP filters and the caller
 * of a request ({@code security}), which every feature's resources need and no feature owns.
 */
package dev.nexuschat.platform;
