package test;

import dev.duro.DuroException;
import dev.duro.RemoteFailureException;
import dev.duro.binding.DuroGenerated;
import java.util.concurrent.Flow;
import javax.annotation.processing.Generated;

/**
 * The methods of durable object class {@link ChatRoom}, namespace {@code "ChatRoom"}, as its
 * callers see them: implemented by {@link ChatRoomStub}, which calls the object.
 *
 * <p>Depend on this interface where a test should be able to hand in a fake: implement it (or, if
 * it has one method, write a lambda), and serve a namespace with the fake through
 * {@link ChatRoomNamespace#handler}. Implementations say their own thread-safety; the stub is
 * thread-safe.
 */
@DuroGenerated
@Generated("dev.duro.processor.DuroProcessor")
public interface ChatRoomApi {
  /**
   * Joins the room as {@code user}: every later {@link ChatRoom#post} is sent to {@code events}.
   *
   * <p>A streaming method: each {@code subscribe} to the returned publisher makes one call, and the
   * subscriber receives the events the object sends to {@code events}, in order. Nothing is sent
   * before a subscription. {@code request(n)} is flow control: the object's sink holds back (and,
   * when full, refuses) events not yet requested. {@code cancel()} ends the call, and the object's
   * {@code onClose} actions run. Errors arrive in {@code onError} as {@link DuroException}s, a
   * {@link RemoteFailureException} if the object's method threw; exceptions the method declares are
   * not rethrown as their own types for streams.
   *
   * @param user who joins
   * @return the events of one call per subscription
   * @throws DuroException if an argument cannot be encoded; call failures arrive in {@code onError}
   */
  Flow.Publisher<ChatRoom.Message> join(String user);

  /**
   * Sends a message to every member; returns how many accepted it.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  int post(String from, String text);

  /**
   * Subscribes to {@link ChatRoom#watch(dev.duro.EventSink)} on the object.
   *
   * <p>A streaming method: each {@code subscribe} to the returned publisher makes one call, and the
   * subscriber receives the events the object sends to {@code counts}, in order. Nothing is sent
   * before a subscription. {@code request(n)} is flow control: the object's sink holds back (and,
   * when full, refuses) events not yet requested. {@code cancel()} ends the call, and the object's
   * {@code onClose} actions run. Errors arrive in {@code onError} as {@link DuroException}s, a
   * {@link RemoteFailureException} if the object's method threw; exceptions the method declares are
   * not rethrown as their own types for streams.
   *
   * @return the events of one call per subscription
   * @throws DuroException if an argument cannot be encoded; call failures arrive in {@code onError}
   */
  Flow.Publisher<Long> watch();

  /**
   * Ends every member's stream.
   *
   * @throws DuroException if the call failed; a {@link RemoteFailureException} if the object's
   *     method threw
   */
  void close();
}
