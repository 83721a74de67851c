package dev.duro.processor.internal.writing;

import dev.duro.processor.internal.model.RpcModel;
import java.util.List;

/** Names of the messages and enums in an object's generated {@code .proto}. */
public final class ProtoNames {
  private ProtoNames() {}

  /** A record or enum: its simple names joined by {@code _} ({@code Order_Item}). */
  public static String of(List<String> simpleNames) {
    return String.join("_", simpleNames);
  }

  /** The request message of {@code rpc}: {@code AddRequest}. */
  public static String request(RpcModel rpc) {
    return Names.capitalize(rpc.name()) + "Request";
  }

  /** The response message of {@code rpc}: {@code AddResponse}. */
  public static String reply(RpcModel rpc) {
    return Names.capitalize(rpc.name()) + "Response";
  }
}
