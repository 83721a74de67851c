package dev.duro.processor.internal.model;

import dev.duro.Alarm;
import dev.duro.AlarmInfo;
import dev.duro.DurableMap;
import dev.duro.DurableObject;
import dev.duro.EventSink;
import dev.duro.Field;
import dev.duro.ObjectContext;
import dev.duro.OnActivate;
import dev.duro.Persist;
import dev.duro.Rpc;
import dev.duro.binding.NamespaceKey;
import java.util.regex.Pattern;

/**
 * Names of the Duro API types the processor recognises in user code. Class literals keep them in
 * step with the annotations module; only their names are used, never the classes themselves.
 */
public final class DuroApi {
  public static final String DURABLE_OBJECT = DurableObject.class.getCanonicalName();
  public static final String RPC = Rpc.class.getCanonicalName();
  public static final String FIELD = Field.class.getCanonicalName();
  public static final String PERSIST = Persist.class.getCanonicalName();
  public static final String DURABLE_MAP = DurableMap.class.getCanonicalName();
  public static final String ALARM = Alarm.class.getCanonicalName();
  public static final String ON_ACTIVATE = OnActivate.class.getCanonicalName();
  public static final String OBJECT_CONTEXT = ObjectContext.class.getCanonicalName();
  public static final String ALARM_INFO = AlarmInfo.class.getCanonicalName();
  public static final String EVENT_SINK = EventSink.class.getCanonicalName();

  /** Valid namespace names; the same pattern the runtime enforces in {@code NamespaceKey}. */
  public static final Pattern NAMESPACE_PATTERN = NamespaceKey.NAME_PATTERN;

  /**
   * Valid {@code @Rpc} method names: protobuf identifiers, because each method names a gRPC method.
   */
  public static final Pattern RPC_NAME_PATTERN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private DuroApi() {}
}
