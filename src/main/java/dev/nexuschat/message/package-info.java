/**
 * Messages: sending (REST and, later, WebSocket through the same service), history pages, edits,
 * deletes, read marks and reactions (each user holds an emoji on a message at most once; every
 * message view shows the counts), and files attached to messages (the upload feature's uploads,
 * linked in the send's transaction, shown in every view, deleted with the message). Owns the
 * messages and message_reactions tables.
 */
package dev.nexuschat.message;
