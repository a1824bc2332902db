/**
 * Who is online: per-user connection leases in Redis (or this node's counts without Redis), the
 * online/offline transitions with their grace period, and {@code last_seen_at}. The one source for
 * {@code is_online} in REST and for the presence events the realtime feature broadcasts.
 */
package dev.nexuschat.presence;
