package dev.nexuschat.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nexuschat.auth.control.AuthService;
import dev.nexuschat.message.control.HistoryCursor;
import dev.nexuschat.message.control.MessageHistory;
import dev.nexuschat.message.control.MessagePosted;
import dev.nexuschat.message.control.MessageService;
import dev.nexuschat.room.control.DirectRoomService;
import dev.nexuschat.room.control.OpenedRoom;
import dev.nexuschat.room.control.RoomCreated;
import dev.nexuschat.room.control.RoomService;
import dev.nexuschat.testsupport.InContainerIT;
import dev.nexuschat.user.entity.User;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CDI services inside a real server: transaction-bound events and DM creation races. */
@InContainerIT
class ServicesInContainerIT {
  private AuthService auth;
  private RoomService rooms;
  private DirectRoomService directRooms;
  private MessageService messages;
  private MessageHistory history;
  private AfterSuccessProbe probe;
  private UserTransaction transaction;
  private ManagedExecutorService executor;

  /** Runs inside the server: the beans and resources of the deployed application. */
  @BeforeEach
  void lookUp() throws NamingException {
    auth = CDI.current().select(AuthService.class).get();
    rooms = CDI.current().select(RoomService.class).get();
    directRooms = CDI.current().select(DirectRoomService.class).get();
    messages = CDI.current().select(MessageService.class).get();
    history = CDI.current().select(MessageHistory.class).get();
    probe = CDI.current().select(AfterSuccessProbe.class).get();
    InitialContext context = new InitialContext();
    transaction = (UserTransaction) context.lookup("java:comp/UserTransaction");
    executor = (ManagedExecutorService) context.lookup("java:comp/DefaultManagedExecutorService");
  }

  @Deployment
  static WebArchive application() {
    return ShrinkWrap.create(WebArchive.class, "nexus-in-container.war")
        .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/nexuschat.war")))
        .addClasses(ServicesInContainerIT.class, AfterSuccessProbe.class);
  }

  @Test
  void rolledBackPostFiresNoAfterSuccessObserverAndStoresNothing() throws Exception {
    UUID alice = newUser("alice");
    UUID room =
        rooms
            .createGroup(alice, new RoomService.NewGroupRoom("Rollback", null, List.of()))
            .room()
            .id();

    transaction.begin();
    messages.post(alice, room, new MessageService.Draft("never happened", null, null));
    transaction.rollback();

    assertTrue(
        probe.seen(MessagePosted.class).stream().noneMatch(e -> e.message().roomId().equals(room)),
        "a rolled-back post was observed");
    assertTrue(history.page(alice, room, HistoryCursor.parse(null, null), 50).messages().isEmpty());

    transaction.begin();
    messages.post(alice, room, new MessageService.Draft("committed", null, null));
    transaction.commit();

    List<MessagePosted> posted =
        probe.seen(MessagePosted.class).stream()
            .filter(e -> e.message().roomId().equals(room))
            .toList();
    assertEquals(1, posted.size());
    assertEquals("committed", posted.get(0).message().content());
  }

  @Test
  void concurrentRequestsForOneDirectConversationOpenOneRoom() throws Exception {
    UUID alice = newUser("dm_a");
    UUID bob = newUser("dm_b");
    int requests = 16;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<OpenedRoom>> results = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      UUID caller = i % 2 == 0 ? alice : bob;
      UUID other = caller.equals(alice) ? bob : alice;
      results.add(
          executor.submit(
              () -> {
                start.await();
                return directRooms.open(caller, List.of(other));
              }));
    }
    start.countDown();
    Set<UUID> roomIds = new HashSet<>();
    int created = 0;
    for (Future<OpenedRoom> result : results) {
      OpenedRoom opened = result.get(60, TimeUnit.SECONDS);
      roomIds.add(opened.room().id());
      created += opened.created() ? 1 : 0;
    }
    assertEquals(1, roomIds.size(), "every request must get the same room");
    assertEquals(1, created, "exactly one request creates it");
    UUID roomId = roomIds.iterator().next();
    assertEquals(
        1, probe.seen(RoomCreated.class).stream().filter(e -> e.roomId().equals(roomId)).count());
  }

  private UUID newUser(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    User user = auth.register(name + "@example.test", name, name, "Correct-Horse-9");
    return user.id();
  }
}
