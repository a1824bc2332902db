/** Who is online: the single source for is_online, in Redis when configured, in process otherwise. */
package dev.nexuschat.presence;
