/**
 * Rooms and direct conversations, membership and roles. Owns the rooms and room_members tables,
 * including each member's read mark.
 */
package dev.nexuschat.room;
