/**
 * Messages: sending (REST and, later, WebSocket through the same service), history pages, edits,
 * deletes and read marks. Owns the messages table.
 */
package dev.nexuschat.message;
