/**
 * Threads (issue 14, item 5): a root message and every reply whose chain of parents leads to it.
 * Reads a thread page by keyset, follows and unfollows threads, keeps each follower's read position
 * and lists the caller's followed threads with their unread replies. Owns the thread_follows table;
 * the root's reply count and newest reply time are the messages table's (kept by the append and by
 * deletes, see message.control.ThreadCounts and changeset 008).
 */
package dev.nexuschat.thread;
