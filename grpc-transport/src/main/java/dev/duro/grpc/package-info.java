/**
 * Duro over gRPC: {@link dev.duro.grpc.DuroClient} calls objects on a remote host, {@link
 * dev.duro.grpc.DuroGrpcServices} turns object bindings into gRPC services, and {@link
 * dev.duro.grpc.DuroHost} runs a complete host (runtime plus server).
 *
 * <h2>Wire protocol</h2>
 *
 * <p>Each object class is one gRPC service whose full name is its namespace ({@code Counter},
 * {@code shop.Cart}); each {@code @Rpc} method is one unary method of that service. Request and
 * reply are protobuf messages written by the generated code: request fields {@code 1..n} are the
 * parameters, reply field 1 is the return value. The transport carries them as raw bytes.
 *
 * <p>The object is addressed in the request metadata by exactly one of:
 *
 * <ul>
 *   <li>{@code x-duro-object-id}: the id as 64 hex digits (either case);
 *   <li>{@code x-duro-object-name}: the object's name; the host derives the id as {@code
 *       idFromName} does. The value is the name's UTF-8 bytes percent-encoded: every byte outside
 *       {@code 0x21..0x7E}, and {@code '%'}, is written {@code %XX}. Printable ASCII names other
 *       than ones containing {@code '%'} or spaces are sent as they are, e.g. {@code grpcurl -H
 *       'x-duro-object-name: alice' ...}; {@code "café 50%"} is sent as {@code caf%C3%A9%2050%25}.
 *       The object then sees the name in {@code ObjectContext.id().name()}.
 * </ul>
 *
 * <p>{@link dev.duro.grpc.DuroClient} sends the name when the id remembers one (ids from {@code
 * idFromName}) and the hex otherwise. Neither header, both, a header sent twice, malformed hex or
 * percent-encoding, or an id whose MAC belongs to another namespace fail the call with {@code
 * INVALID_ARGUMENT} before anything runs. Names are limited by gRPC's metadata size limit (8 KiB by
 * default).
 *
 * <h2>Errors</h2>
 *
 * <p>A failed call closes with the status below and the trailer {@code duro-error-kind}, from which
 * the client rebuilds the same exception class with the same message:
 *
 * <table>
 *   <caption>Status mapping</caption>
 *   <tr><th>exception on the host</th><th>status</th><th>{@code duro-error-kind}</th></tr>
 *   <tr><td>{@link dev.duro.RemoteFailureException}</td><td>{@code UNKNOWN}</td>
 *       <td>{@code remote-failure}</td></tr>
 *   <tr><td>{@link dev.duro.InvalidRequestException}, {@link dev.duro.codec.CodecException}</td>
 *       <td>{@code INVALID_ARGUMENT}</td><td>{@code invalid-request}</td></tr>
 *   <tr><td>{@link dev.duro.UnknownMethodException}</td><td>{@code UNIMPLEMENTED}</td>
 *       <td>{@code unknown-method}</td></tr>
 *   <tr><td>{@link dev.duro.OverloadedException}</td><td>{@code RESOURCE_EXHAUSTED}</td>
 *       <td>{@code overloaded}</td></tr>
 *   <tr><td>{@link dev.duro.DeadlineExceededException}</td><td>{@code DEADLINE_EXCEEDED}</td>
 *       <td>{@code deadline-exceeded}</td></tr>
 *   <tr><td>{@link dev.duro.CallCycleException}</td><td>{@code FAILED_PRECONDITION}</td>
 *       <td>{@code call-cycle}</td></tr>
 *   <tr><td>{@link dev.duro.TransportException}, any other exception</td>
 *       <td>{@code UNAVAILABLE}</td><td>{@code transport}</td></tr>
 * </table>
 *
 * <p>The status description is the exception's message (for an exception that is not a {@link
 * dev.duro.DuroException}, its class and message); for a remote failure it is {@code "<remoteType>:
 * <message>"}, and the trailers {@code duro-error-type} and {@code duro-error-message} (absent when
 * the message is null) carry the two parts, percent-encoded as above so non-ASCII text survives.
 * Messages and type names longer than 1024 UTF-8 bytes are cut and end in {@code "..."}, to keep
 * the trailers under gRPC's metadata limit.
 *
 * <p>A status without {@code duro-error-kind} was made by gRPC itself (or by a server that is not a
 * Duro host) and is mapped by its code: {@code UNIMPLEMENTED} (unknown service or method) to {@link
 * dev.duro.UnknownMethodException}, {@code DEADLINE_EXCEEDED} to {@link
 * dev.duro.DeadlineExceededException}, {@code RESOURCE_EXHAUSTED} to {@link
 * dev.duro.OverloadedException}, {@code INVALID_ARGUMENT} to {@link
 * dev.duro.InvalidRequestException}, and everything else ({@code UNAVAILABLE}, {@code CANCELLED},
 * {@code UNKNOWN}, ...) to {@link dev.duro.TransportException}. The gRPC exception is the cause.
 *
 * <h2>Threading</h2>
 *
 * <p>Server handlers only hand the call to the {@link dev.duro.binding.Invoker} and reply when its
 * future completes; they never block, so hosts run them on gRPC's transport threads ({@code
 * directExecutor()}). The invoker's {@code call} must therefore not block either. A call whose
 * deadline passed, or whose client cancelled, before it reached the handler is not run. Once handed
 * to the invoker a call runs to the end (its turn commits) even if the client goes away; the reply
 * is then dropped.
 */
@NullMarked
package dev.duro.grpc;

import org.jspecify.annotations.NullMarked;
