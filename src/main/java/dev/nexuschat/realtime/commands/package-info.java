/**
 * What a client asks over its socket (send, mark read, typing, ping), carried out through the same
 * services and limits as REST.
 */
package dev.nexuschat.realtime.commands;
