package dev.nexuschat.platform.ratelimit;

import java.time.Duration;

/**
 * The work one signed-in user may ask of the server, as token buckets keyed by user id. The
 * defaults are above what a busy person does by hand (Slack allows about one message a second per
 * user, with bursts) and below what a script can do; each is set by {@code
 * NEXUS_LIMIT_<NAME>_BURST} and {@code NEXUS_LIMIT_<NAME>_PER_MINUTE} (or {@code _PER_HOUR}); a
 * burst of 0 turns it off.
 */
public enum UserLimit {
  /** REST and WebSocket sends together: a burst of 30, then one a second. */
  SEND("send", 30, 60, Duration.ofMinutes(1), "Too many messages"),
  /**
   * typing_start frames: clients repeat them every 1-2 s while typing; two a second leaves room for
   * two tabs in two rooms.
   */
  TYPING("typing", 10, 120, Duration.ofMinutes(1), "Too many typing events"),
  /** GET /users/search: search-as-you-type with a debounce is a few a second at most. */
  SEARCH("search", 30, 60, Duration.ofMinutes(1), "Too many searches"),
  /** POST /rooms, group rooms and direct conversations: a burst of 20, then one a minute. */
  ROOM_CREATE("room_create", 20, 1, Duration.ofMinutes(1), "Too many rooms created"),
  /** POST /rooms/{id}/members, per adder: a team of 50 at once, then 10 a minute. */
  MEMBER_ADD("member_add", 50, 10, Duration.ofMinutes(1), "Too many members added"),
  /**
   * Rooms (group or direct) a user is put in by others, per target: protects against being
   * spam-added. A new hire added to 100 rooms in their first hour is still fine.
   */
  ADDED_TO_ROOMS(
      "added_to_rooms", 100, 100, Duration.ofHours(1), "This user was added to too many rooms"),
  /**
   * PUT and DELETE of reactions together: clicking chips on and off is quick, so a burst of 60,
   * then one a second.
   */
  REACT("react", 60, 60, Duration.ofMinutes(1), "Too many reactions"),
  /**
   * POST /rooms/{id}/uploads, per uploader: up to 25 MB each, so the burst bounds what one account
   * can put on the disk before the orphan cleanup (a day) catches up: 50 files at once (a folder of
   * photos), then 100 an hour.
   */
  UPLOAD("upload", 50, 100, Duration.ofHours(1), "Too many uploads");

  private final String bucket;
  private final int burst;
  private final int refill;
  private final Duration per;
  private final String tooMuch;

  UserLimit(String bucket, int burst, int refill, Duration per, String tooMuch) {
    this.bucket = bucket;
    this.burst = burst;
    this.refill = refill;
    this.per = per;
    this.tooMuch = tooMuch;
  }

  public String bucket() {
    return bucket;
  }

  int defaultBurst() {
    return burst;
  }

  int defaultRefill() {
    return refill;
  }

  Duration per() {
    return per;
  }

  String tooMuch() {
    return tooMuch;
  }

  /** {@code NEXUS_LIMIT_SEND_BURST} and so on. */
  String burstVariable() {
    return "NEXUS_LIMIT_" + name() + "_BURST";
  }

  /** {@code NEXUS_LIMIT_SEND_PER_MINUTE}, {@code NEXUS_LIMIT_ADDED_TO_ROOMS_PER_HOUR}. */
  String refillVariable() {
    return "NEXUS_LIMIT_"
        + name()
        + (per.equals(Duration.ofHours(1)) ? "_PER_HOUR" : "_PER_MINUTE");
  }
}
