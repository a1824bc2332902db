/**
 * Who is online: per-user connection leases in Redis (or this node's counts without Redis) and the
 * online/offline transitions with their grace period. The one source for {@code is_online} in REST
 * and for the presence events: the realtime feature broadcasts them, the user feature keeps {@code
 * last_seen_at} from them. Depends on no other feature, so any of them may ask who is online.
 */
package dev.nexuschat.presence;
