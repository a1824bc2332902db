package dev.nexuschat.search.control;

import dev.nexuschat.message.control.MessageViews;
import dev.nexuschat.message.control.ShownMessages;
import dev.nexuschat.message.entity.Message;
import dev.nexuschat.platform.errors.FieldError;
import dev.nexuschat.platform.errors.Invalid;
import dev.nexuschat.platform.json.TextRules;
import dev.nexuschat.platform.web.Ids;
import dev.nexuschat.room.control.Memberships;
import dev.nexuschat.room.entity.Room;
import dev.nexuschat.user.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Message search for one caller: only the rooms they are in now (a room they left is not searched),
 * never a deleted message. The strategy ({@link MessageSearch}) finds and ranks; this checks the
 * request and shows the hits as history shows messages.
 */
@ApplicationScoped
public class SearchService {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 50;
  private static final int MAX_FROM = 100;

  @PersistenceContext EntityManager em;
  @Inject Memberships memberships;
  @Inject MessageSearch search;
  @Inject ShownMessages shown;

  /** A search as the API takes it: raw parameters, checked here. */
  public record Request(String q, String roomId, String from, String cursor, int limit) {}

  @Transactional
  public SearchViews.Page search(UUID userId, Request request) {
    SearchQuery query = SearchQuery.parse(request.q());
    UUID roomId = request.roomId() == null ? null : Ids.field(request.roomId().strip(), "room_id");
    SearchCursor cursor = SearchCursor.parse(request.cursor());
    Optional<UUID> sender = sender(request.from());
    if (roomId != null) {
      memberships.require(roomId, userId); // 404 no such room, 403 not in it: as history answers
    }
    if (!query.canMatch() || (request.from() != null && sender.isEmpty())) {
      return new SearchViews.Page(List.of(), null, false);
    }
    SearchFilter filter = new SearchFilter(query, userId, roomId, sender.orElse(null));
    List<SearchHit> hits = new ArrayList<>(search.find(filter, cursor, request.limit() + 1));
    boolean hasMore = hits.size() > request.limit();
    if (hasMore) {
      hits.remove(hits.size() - 1);
    }
    List<SearchViews.Result> results = results(userId, hits);
    String next = hasMore ? SearchCursor.after(hits.get(hits.size() - 1)).encode() : null;
    return new SearchViews.Page(results, next, hasMore);
  }

  /**
   * {@code from} is a user id or a username (case-insensitive); empty when it names nobody, which
   * matches nothing rather than failing, as a sender filter on a user with no messages would.
   */
  private Optional<UUID> sender(String from) {
    if (from == null) {
      return Optional.empty();
    }
    List<FieldError> errors = new ArrayList<>();
    String name = TextRules.trimmed(from, "from", 1, MAX_FROM, errors);
    if (name == null) {
      throw new Invalid(errors);
    }
    try {
      if (name.length() == 36) {
        return Optional.of(UUID.fromString(name));
      }
    } catch (IllegalArgumentException notAnId) {
      // a username, then
    }
    return em.createQuery("SELECT u.id FROM User u WHERE u.usernameKey = :key", UUID.class)
        .setParameter("key", User.key(name))
        .getResultStream()
        .findFirst();
  }

  private List<SearchViews.Result> results(UUID userId, List<SearchHit> hits) {
    if (hits.isEmpty()) {
      return List.of();
    }
    Map<UUID, Message> messages =
        em.createQuery("SELECT m FROM Message m WHERE m.id IN :ids", Message.class)
            .setParameter("ids", hits.stream().map(SearchHit::id).toList())
            .setHint("eclipselink.join-fetch", "m.sender")
            .setHint("eclipselink.left-join-fetch", "m.parent.sender")
            .getResultStream()
            .collect(Collectors.toMap(Message::id, Function.identity()));
    Map<UUID, SearchViews.Room> rooms =
        rooms(userId, messages.values().stream().map(Message::roomId).distinct().toList());
    List<SearchHit> found = hits.stream().filter(hit -> messages.containsKey(hit.id())).toList();
    List<MessageViews.Item> views =
        shown.complete(
            found.stream().map(hit -> MessageViews.Item.of(messages.get(hit.id()))).toList(),
            userId);
    List<SearchViews.Result> results = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      MessageViews.Item view = views.get(i);
      results.add(new SearchViews.Result(view, rooms.get(view.roomId()), found.get(i).snippet()));
    }
    return results;
  }

  /** A direct room is named after the other person, as the caller's room list names it. */
  private Map<UUID, SearchViews.Room> rooms(UUID userId, List<UUID> roomIds) {
    List<Room> found =
        em.createQuery("SELECT r FROM Room r WHERE r.id IN :ids", Room.class)
            .setParameter("ids", roomIds)
            .getResultList();
    List<UUID> direct = found.stream().filter(Room::isDirect).map(Room::id).toList();
    Map<UUID, String> peers = new HashMap<>();
    if (!direct.isEmpty()) {
      em.createQuery(
              "SELECT m.roomId, m.user.displayName FROM RoomMember m"
                  + " WHERE m.roomId IN :ids AND m.user.id <> :me",
              Object[].class)
          .setParameter("ids", direct)
          .setParameter("me", userId)
          .getResultStream()
          .forEach(row -> peers.put((UUID) row[0], (String) row[1]));
    }
    Map<UUID, SearchViews.Room> rooms = new HashMap<>();
    for (Room room : found) {
      String name = room.isDirect() ? peers.getOrDefault(room.id(), "Former member") : room.name();
      rooms.put(room.id(), new SearchViews.Room(room.id(), name, room.isDirect()));
    }
    return rooms;
  }
}
