/**
 * Message search: ranked full-text search over the messages of the rooms the caller is in, with
 * highlighted snippets. PostgreSQL searches a generated tsvector column (changeset 006); the
 * embedded H2 database scans. Owns no table: it reads message's and room's.
 */
package dev.nexuschat.search;
